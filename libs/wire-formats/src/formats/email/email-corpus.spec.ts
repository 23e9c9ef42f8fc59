import { readCorpusFile } from '../../../conformance/corpus-files';
import { parseWire } from '../../parse';

// The Superdesk corpus e-mails, read in place: what the conformance suite does not compare.
const parse = (file: string, contentType?: string) =>
  parseWire({ body: readCorpusFile(`email/${file}`), contentType, capturedAt: new Date('2025-01-01T00:00:00Z') });

describe('the corpus e-mails', () => {
  it.each(['simple_email.txt', 'composite_email.txt', 'odd_charset_email.txt', 'charset_in_subject_email.txt', 'googleform.txt', 'json-email.txt'])(
    'sniffs %s as e-mail without a content type',
    (file) => {
      expect(parse(file).format).toBe('email');
    },
  );

  it('decodes the windows-1252 subject whose encoded word carries raw UTF-8 (Superdesk keeps the raw word)', () => {
    expect(parse('odd_charset_email.txt', 'message/rfc822').items[0].headline).toBe('TravTalk’s Special for TAAI convention');
  });

  it('takes From, Date and the text part, without the signature, and lists the attached picture', () => {
    const [simple] = parse('simple_email.txt').items;
    expect(simple).toMatchObject({ byline: 'a sender', versionCreated: '2015-02-19T06:18:40.000Z', body: [{ kind: 'paragraph', text: 'body text' }] });
    const [composite] = parse('composite_email.txt').items;
    expect(composite.media).toEqual([{ kind: 'picture', mimeType: 'image/jpeg', renditions: [{ name: 'original', mimeType: 'image/jpeg' }] }]);
  });

  it("reads the form's reporter as the byline, not the form service that sent it", () => {
    expect(parse('googleform.txt').items[0].byline).toBe('eharvey@aap.com.au');
  });
});
