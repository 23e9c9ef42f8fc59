import { readXml } from '../xml/xml-reader';
import { nitfSubjects } from './nitf-subjects';

const subjects = (xml: string) => nitfSubjects(readXml(`<tobject>${xml}</tobject>`));

describe('nitfSubjects', () => {
  it('turns each named level of a reference number into a subject, most specific first, without repeats', () => {
    expect(
      subjects(
        '<tobject.subject tobject.subject.refnum="02003001" tobject.subject.type="Justice" tobject.subject.matter="Police" tobject.subject.detail="law enforcement"/>' +
          '<tobject.subject tobject.subject.refnum="02003002" tobject.subject.type="Justice" tobject.subject.matter="Police" tobject.subject.detail="investigation"/>',
      ),
    ).toEqual([
      { code: '02003001', scheme: 'subj', name: 'law enforcement' },
      { code: '02000000', scheme: 'subj', name: 'Justice' },
      { code: '02003000', scheme: 'subj', name: 'Police' },
      { code: '02003002', scheme: 'subj', name: 'investigation' },
    ]);
  });

  it('names unnamed top-level codes from the IPTC table and keeps provider codes under their own scheme', () => {
    expect(
      subjects(
        '<tobject.subject tobject.subject.refnum="15000000"/><tobject.subject tobject.subject.refnum="15039001"/>' +
          '<tobject.subject tobject.subject.ipr="EFE" tobject.subject.refnum="F01001000" tobject.subject.type="POL:POLITICS" tobject.subject.matter="GOVERNMENT"/>' +
          '<tobject.subject tobject.subject.type="Kultur"/>',
      ),
    ).toEqual([
      { code: '15000000', scheme: 'subj', name: 'sport' },
      { code: '15039001', scheme: 'subj' },
      { code: 'F01001000', scheme: 'efe', name: 'GOVERNMENT' },
      { name: 'Kultur' },
    ]);
  });
});
