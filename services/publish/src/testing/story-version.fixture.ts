import { randomUUID } from 'node:crypto';
import { CanonicalItem, StoryVersionMessage } from '@copydesk/contracts';

/** A story version as dedupe sends it, for specs: version 1 of a new story unless told otherwise. */
export function storyVersionFixture(over: Partial<Omit<StoryVersionMessage, 'item'>> & { item?: Partial<CanonicalItem> } = {}): StoryVersionMessage {
  const submissionId = over.submissionId ?? randomUUID();
  const version = over.version ?? 1;
  const { item, ...rest } = over;
  return {
    storyId: randomUUID(),
    version,
    kind: version === 1 ? 'created' : 'updated',
    current: true,
    sourceId: randomUUID(),
    submissionId,
    itemId: `${submissionId}:0`,
    storyCreatedAt: '2025-03-21T10:00:02.000Z',
    decidedAt: '2025-03-21T10:00:02.000Z',
    updatedAt: new Date(Date.UTC(2025, 2, 21, 10, 0, version)).toISOString(),
    updatedPrecision: 'second',
    match:
      version === 1
        ? { basis: 'none', candidates: 0, reason: 'no candidate story' }
        : { basis: 'wire-guid', reason: 'same wire guid', comparedVersion: version - 1 },
    ...rest,
    item: {
      format: 'plain-text',
      wire: {},
      headline: `Flood warnings lifted along the Rhine, version ${version}`,
      summary: [],
      body: [{ kind: 'paragraph', text: 'KOBLENZ: The river fell overnight.' }],
      media: [],
      subjects: [],
      pubStatus: 'usable',
      signals: [],
      contentHash: randomUUID().replace(/-/g, '').padEnd(64, '0'),
      ...item,
    },
  };
}
