import { createHash, randomUUID } from 'node:crypto';
import { RawSubmission } from '@copydesk/contracts';
import { PermanentError } from '@copydesk/kafka';
import { toMessages } from './normalise.service';

/** An RSS feed of `n` stories. */
function feedOf(n: number): Buffer {
  const items = Array.from(
    { length: n },
    (_, i) => `<item><guid>urn:feed:${i}</guid><title>Story number ${i} of the feed</title><description>The body of story ${i}.</description></item>`,
  );
  return Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>${items.join('')}</channel></rss>`);
}

function submission(body: Buffer): RawSubmission {
  return {
    submissionId: randomUUID(),
    sourceId: randomUUID(),
    receivedAt: '2025-03-21T10:00:01.000Z',
    capturedAt: '2025-03-21T10:00:00.000Z',
    contentType: 'application/rss+xml',
    size: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
    body,
  };
}

describe('toMessages', () => {
  it('makes one message per story, up to the limit of stories per submission', () => {
    const messages = toMessages(submission(feedOf(4)), {}, { maxItems: 4 });
    expect(messages).toHaveLength(4);
    expect(JSON.parse(String(messages[3].value))).toMatchObject({ itemIndex: 3, itemCount: 4, item: { headline: 'Story number 3 of the feed' } });
  });

  it('refuses a submission with more stories than the limit as a permanent TOO_MANY_ITEMS, producing none of them', () => {
    let caught: unknown;
    try {
      toMessages(submission(feedOf(5)), {}, { maxItems: 4 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PermanentError);
    expect(caught).toMatchObject({ code: 'TOO_MANY_ITEMS', details: [{ items: 5, limit: 4, format: 'rss' }] });
  });
});
