import { MediaItem, StoryVersionMessage, Subject } from '@copydesk/contracts';
import { toNinjs } from './ninjs.mapper';

const message = (media: MediaItem[], subjects: Subject[] = []): StoryVersionMessage => ({
  storyId: '3f2b1c9e-0000-4000-8000-000000000001',
  version: 1,
  kind: 'created',
  current: true,
  sourceId: '1a2b3c4d-0000-4000-8000-000000000003',
  submissionId: '7d0c4f7e-0000-4000-8000-000000000002',
  itemId: '7d0c4f7e-0000-4000-8000-000000000002:0',
  storyCreatedAt: '2025-03-21T10:00:01.000Z',
  decidedAt: '2025-03-21T10:00:01.000Z',
  updatedAt: '2025-03-21T10:00:01.000Z',
  updatedPrecision: 'second',
  match: { basis: 'none', reason: 'new story' },
  item: { format: 'rss', wire: {}, headline: 'Storm', summary: [], body: [], media, subjects, pubStatus: 'usable', signals: [], contentHash: 'a'.repeat(64) },
});

const hrefs = (media: MediaItem[]) => (toNinjs(message(media), 'urn:copydesk').associations ?? []).map((a) => a.renditions?.[0]?.href);

describe('toNinjs and URIs from the wire', () => {
  it('keeps http and https media hrefs', () => {
    expect(
      hrefs([
        { kind: 'picture', href: 'https://img.example.com/1.jpg' },
        { kind: 'video', href: 'http://v.example.com/1.mp4' },
      ]),
    ).toEqual(['https://img.example.com/1.jpg', 'http://v.example.com/1.mp4']);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relative/path.jpg',
  ])('drops the href %p but keeps the picture', (href) => {
    const doc = toNinjs(message([{ kind: 'picture', href, mimeType: 'image/jpeg', caption: 'Cap' }]), 'urn:copydesk');
    expect(doc.associations?.[0]).toMatchObject({ type: 'picture', renditions: [{ name: 'original', contentType: 'image/jpeg' }] });
    expect(doc.associations?.[0].renditions?.[0].href).toBeUndefined();
  });

  it('writes a subject whose scheme would run script as a literal, never as a URI', () => {
    const doc = toNinjs(
      message(
        [],
        [
          { code: 'alert(1)', scheme: 'javascript' },
          { code: 'text/html,x', scheme: 'Data' },
          { code: '20000001', scheme: 'medtop' },
        ],
      ),
      'urn:copydesk',
    );
    expect(doc.subjects).toEqual([{ literal: 'javascript:alert(1)' }, { literal: 'Data:text/html,x' }, { uri: 'medtop:20000001' }]);
  });

  it('encodes a subject code holding half a surrogate pair instead of throwing URIError', () => {
    const doc = toNinjs(
      message(
        [],
        [
          { code: '\ud800a', scheme: 'medtop' },
          { code: 'x\udc00', scheme: 'http://cv.example.com/' },
        ],
      ),
      'urn:copydesk',
    );
    expect(doc.subjects).toEqual([{ uri: 'medtop:%EF%BF%BDa' }, { uri: 'http://cv.example.com/x%EF%BF%BD' }]);
  });
});
