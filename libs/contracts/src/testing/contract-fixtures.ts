import { CanonicalItem } from '../canonical-item';
import { DeadLetter } from '../dead-letter';
import { NormalisedItemMessage } from '../normalised-item';
import { RawSubmission } from '../raw-submission';
import { StoryEvent } from '../story-event';
import { StoryVersionMessage } from '../story-version';

/** Valid messages of every topic, typed with the contract's own types, for the contract's specs. */
export const storyId = '3f2b1c9e-0000-4000-8000-000000000001';
export const submissionId = '7d0c4f7e-0000-4000-8000-000000000002';
export const sourceId = '1a2b3c4d-0000-4000-8000-000000000003';
export const itemId = `${submissionId}:1`;
export const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

export const body = Buffer.from('SEOUL, March 21 (Reuters) - Caf\xe9 prices rose.\n', 'latin1');

export const rawSubmission: RawSubmission = {
  submissionId,
  sourceId,
  receivedAt: '2025-03-21T10:00:01.000Z',
  capturedAt: '2025-03-21T10:00:00.000Z',
  contentType: 'text/plain; charset=iso-8859-1',
  size: body.length,
  sha256: 'ab'.repeat(32),
  body,
};

export const item: CanonicalItem = {
  format: 'text-page',
  wire: { guid: 'urn:wire:1', version: '2', links: [{ rel: 'irel:previousVersion', guid: 'urn:wire:0' }] },
  headline: 'Trump says US will sign Ukraine minerals deal soon',
  summary: ['One bullet'],
  byline: 'By A Reporter',
  dateline: 'WASHINGTON',
  body: [
    { kind: 'paragraph', text: 'Text.' },
    { kind: 'crosshead', text: 'More' },
  ],
  media: [{ kind: 'picture', caption: 'A caption.', credit: 'Reuters' }],
  language: 'en',
  subjects: [{ code: '11000000', name: 'politics', scheme: 'medtop' }],
  urgency: 3,
  pubStatus: 'usable',
  signals: ['update'],
  embargo: '2025-03-21T12:00:00.000Z',
  sourceUpdated: { at: '2025-03-21T09:59:56.000Z', precision: 'second' },
  contentHash: 'a'.repeat(64),
};

export const normalisedItem: NormalisedItemMessage = {
  itemId,
  submissionId,
  sourceId,
  itemIndex: 1,
  itemCount: 2,
  receivedAt: '2025-03-21T10:00:01.000Z',
  capturedAt: '2025-03-21T10:00:00.000Z',
  item,
};

export const storyVersion: StoryVersionMessage = {
  storyId,
  version: 2,
  kind: 'updated',
  current: true,
  sourceId,
  submissionId,
  itemId,
  storyCreatedAt: '2025-03-21T09:50:00.000Z',
  decidedAt: '2025-03-21T10:00:01.000Z',
  updatedAt: '2025-03-21T09:59:56.000Z',
  updatedPrecision: 'second',
  match: {
    basis: 'near-duplicate',
    score: 0.91,
    comparedVersion: 1,
    reason: 'body shingles overlap',
    rule: 'near-copy',
    scores: { jaccard: 0.91, dateline: 'same', numbersChanged: false },
    candidates: 1,
  },
  item,
};

export const storyEvent: StoryEvent = {
  specversion: '1.0',
  id: `${storyId}:2`,
  source: 'urn:copydesk',
  type: 'story.updated',
  time: '2025-03-21T10:00:02.000Z',
  subject: storyId,
  dataschema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json',
  storyId,
  submissionId,
  sourceId,
  itemId,
  data: {
    uri: `urn:copydesk:story:${storyId}`,
    type: 'text',
    version: '2',
    versionCreated: '2025-03-21T10:00:02.000Z',
    pubStatus: 'usable',
    headlines: [{ role: 'main', value: item.headline }],
  } as StoryEvent['data'],
};

export const deadLetter: DeadLetter = {
  stage: 'dedupe',
  errorCode: 'INVALID_MESSAGE',
  errorMessage: 'wire.normalised.v1 message does not match its contract',
  errorDetails: [{ part: 'value', instancePath: '/item/headline', message: 'must be string' }],
  originalTopic: 'wire.normalised.v1',
  originalPartition: 3,
  originalOffset: '42',
  originalKey: sourceId,
  attempts: 1,
  failedAt: '2025-03-21T10:00:03.000Z',
  originalHeaders: { 'copydesk-submission-id': submissionId, 'copydesk-source-id': sourceId, 'copydesk-item-id': itemId },
  key: sourceId,
  value: Buffer.from('{"itemId":1}'),
};
