import type { Subject } from '@copydesk/contracts';
import { attr, children } from '../xml/xml-query';
import { IPTC_SUBJECT_SCHEME, topLevelSubjectName, uniqueSubjects } from '../xml/iptc-subject-names';
import type { XmlElement } from '../xml/xml-node.types';

const REFNUM = /^\d{8}$/;

/**
 * Subjects from `tobject.subject`. An IPTC reference number names its levels in attributes
 * (type, matter, detail): each named level becomes a subject of its own ("02003001" with
 * type "Justice" and matter "Police" is followed by 02000000 Justice and 02003000 Police).
 * Provider codes (EFE's "F01001000") keep the provider's name as scheme.
 */
export function nitfSubjects(tobject: XmlElement | undefined): Subject[] {
  const subjects: Subject[] = [];
  for (const element of children(tobject, 'tobject.subject')) {
    const refnum = attr(element, 'tobject.subject.refnum');
    const type = attr(element, 'tobject.subject.type');
    const matter = attr(element, 'tobject.subject.matter');
    const detail = attr(element, 'tobject.subject.detail');
    const ipr = attr(element, 'tobject.subject.ipr');
    if (!refnum) {
      const name = detail ?? matter ?? type;
      if (name) subjects.push({ name });
      continue;
    }
    if (!REFNUM.test(refnum) || (ipr !== undefined && ipr.toUpperCase() !== 'IPTC')) {
      subjects.push(withName({ code: refnum, scheme: ipr?.toLowerCase() ?? IPTC_SUBJECT_SCHEME }, detail ?? matter ?? type));
      continue;
    }
    const topCode = `${refnum.slice(0, 2)}000000`;
    const matterCode = `${refnum.slice(0, 5)}000`;
    const own = refnum === topCode ? type : refnum === matterCode ? matter : detail;
    subjects.push(withName({ code: refnum, scheme: IPTC_SUBJECT_SCHEME }, own ?? topLevelSubjectName(refnum)));
    if (type && refnum !== topCode) subjects.push({ code: topCode, name: type, scheme: IPTC_SUBJECT_SCHEME });
    if (matter && detail && refnum !== matterCode) subjects.push({ code: matterCode, name: matter, scheme: IPTC_SUBJECT_SCHEME });
  }
  return uniqueSubjects(subjects);
}

function withName(subject: Subject, name: string | undefined): Subject {
  return name ? { ...subject, name } : subject;
}
