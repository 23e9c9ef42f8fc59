import { readXml } from '../xml/xml-reader';
import { g2PubStatus, g2Signals, g2Subjects, splitQcode } from './g2-codes';

describe('G2 codes', () => {
  it('splits QCodes at the first colon', () => {
    expect(splitQcode('subj:15054000')).toEqual(['subj', '15054000']);
    expect(splitQcode('urn:x:y')).toEqual(['urn', 'x:y']);
    expect(splitQcode('plain')).toBeUndefined();
  });

  it('reads pubStatus, defaulting to usable', () => {
    expect(g2PubStatus('stat:canceled')).toBe('canceled');
    expect(g2PubStatus('stat:withheld')).toBe('withheld');
    expect(g2PubStatus('Usable')).toBe('usable');
    expect(g2PubStatus(undefined)).toBe('usable');
  });

  it('reads IPTC and Reuters signals and ignores the rest', () => {
    const meta = readXml('<m><signal qcode="sig:update"/><signal qcode="sig:correction"/><signal qcode="edStat:D"/><signal qcode="prodId:TXT"/></m>');
    expect(g2Signals(meta.children.filter((node) => typeof node !== 'string'))).toEqual(['update', 'correction', 'kill']);
  });

  it('keeps IPTC codes, named concepts and bare abstract subjects; drops places and bare provider codes', () => {
    const meta = readXml(`<contentMeta>
      <subject qcode="subj:15054000"/><subject qcode="N2:SOCC"/><subject qcode="N2:GB" type="cptType:5"/>
      <subject qcode="medtop:20000523"><name>labour market</name></subject>
      <subject qcode="dpacountry:1" type="cpnat:geoArea"><name>Deutschland</name></subject>
      <subject qcode="sttdepartment:9" type="cpnat:abstract"><name role="nrol:short">Pol</name><name>Politics</name></subject>
      <subject qcode="sttdone1:5" type="cpnat:abstract"/><subject qcode="stt-topics:1" type="cpnat:abstract" literal="Related topic id"/>
      <subject type="cpnat:person"><name>Jan Guillou</name></subject><subject qcode="subj:15054000"/>
    </contentMeta>`);
    expect(g2Subjects(meta)).toEqual([
      { code: '15054000', scheme: 'subj' },
      { code: '20000523', scheme: 'medtop', name: 'labour market' },
      { code: '9', scheme: 'sttdepartment', name: 'Politics' },
      { code: '5', scheme: 'sttdone1' },
      { name: 'Jan Guillou' },
    ]);
  });
});
