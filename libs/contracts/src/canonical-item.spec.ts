import { codecFor } from './codecs/topic-codecs';
import { normalisedItem, storyVersion } from './testing/contract-fixtures';
import { Topic } from './topics';

const editorial = {
  edNote: 'Not for publication before noon',
  keywords: ['Champions League', 'Frankfurt'],
  places: [{ code: 'KEN', scheme: 'N2', name: 'Kenya' }],
  genres: [{ code: 'interview', scheme: 'genre', name: 'Interview' }],
  authors: [{ name: 'Ann Lee', role: 'writer', uri: 'http://example.com/staff/ann' }],
  usageTerms: 'NO ARCHIVAL USE',
  expires: '2030-01-02T03:04:05.000Z',
  media: [
    {
      kind: 'picture' as const,
      altText: 'A woman casts her ballot',
      renditions: [
        {
          name: 'baseImage',
          href: 'http://example.com/b.jpg',
          mimeType: 'image/jpeg',
          width: 3500,
          height: 2284,
          sizeInBytes: 772617,
          poi: { x: 10, y: 20 },
          residRef: 'tag:b',
        },
      ],
    },
  ],
};

describe('the canonical item: editorial metadata', () => {
  it('is optional: an item without it (as messages were before) still decodes on both topics', () => {
    const normalised = codecFor(Topic.WireNormalised);
    const versions = codecFor(Topic.StoryVersions);
    expect(normalised.decode(normalised.encode(normalisedItem))).toEqual(normalisedItem);
    expect(versions.decode(versions.encode(storyVersion))).toEqual(storyVersion);
  });

  it('travels on wire.normalised.v1 and story.versions.v1 when it is there', () => {
    const normalised = codecFor(Topic.WireNormalised);
    const withFields = { ...normalisedItem, item: { ...normalisedItem.item, ...editorial } };
    expect(normalised.decode(normalised.encode(withFields))).toEqual(withFields);
    const versions = codecFor(Topic.StoryVersions);
    const version = { ...storyVersion, item: { ...storyVersion.item, ...editorial } };
    expect(versions.decode(versions.encode(version))).toEqual(version);
  });

  it('refuses an expiry that is no instant and a rendition without a name', () => {
    const codec = codecFor(Topic.WireNormalised);
    const bad = { ...normalisedItem, item: { ...normalisedItem.item, expires: 'next week', media: [{ kind: 'picture', renditions: [{ href: 'x' }] }] } };
    const message = codec.encode(normalisedItem);
    expect(() => codec.decode({ ...message, value: Buffer.from(JSON.stringify(bad)) })).toThrow(expect.objectContaining({ code: 'INVALID_MESSAGE' }));
  });
});
