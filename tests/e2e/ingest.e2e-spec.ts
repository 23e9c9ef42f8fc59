import { randomUUID } from 'node:crypto';
import { KafkaConnection, KafkaPublisher, readDeadLetter } from '@copydesk/kafka';
import { TopicReader } from '@copydesk/kafka/testing';
import { Header, Topic } from '@copydesk/contracts';
import { Client } from 'pg';
import { brokers, DATABASE_URL } from '../support/env';
import { addSource, RunningStack, startServices } from '../support/service-processes';

jest.setTimeout(180_000);

describe('ingest and normalise: accepting copy, refusing bad requests, dead-lettering what cannot be parsed', () => {
  let stack: RunningStack;
  let source: { id: string; apiKey: string };
  const kafka = new KafkaConnection({ brokers: brokers(), clientId: 'ingest-e2e' });
  let raw: TopicReader;
  let dlq: TopicReader;
  let normalised: TopicReader;

  beforeAll(async () => {
    stack = await startServices('ingest', 18181, {}, ['ingest', 'normalise']);
    source = addSource(`ingest-e2e-${Date.now()}`);
    raw = await new TopicReader(kafka, Topic.WireRaw).start();
    dlq = await new TopicReader(kafka, Topic.WireDlq).start();
    normalised = await new TopicReader(kafka, Topic.WireNormalised).start();
  });

  afterAll(async () => {
    await Promise.all([raw?.stop(), dlq?.stop(), normalised?.stop()]);
    await stack?.stop();
  });

  function post(body: string | Uint8Array, headers: Record<string, string> = {}) {
    return fetch(`${stack.urls.ingest}/v1/wire`, { method: 'POST', headers: { Authorization: `Bearer ${source.apiKey}`, ...headers }, body });
  }

  it('puts exactly the bytes it was sent on wire.raw.v1, with the submission and the trace context in headers, before answering 202', async () => {
    const body = Buffer.from('Caf\xe9 headline\n\nA paragraph in Windows-1252.\n', 'latin1');
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const res = await post(body, { 'Content-Type': 'text/plain; charset=windows-1252', 'X-Captured-At': '2025-03-21T12:00:00+02:00', traceparent });
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as { submissionId: string; sourceId: string; capturedAt: string; size: number; sha256: string };
    expect(accepted).toMatchObject({ sourceId: source.id, capturedAt: '2025-03-21T10:00:00.000Z', size: body.length });

    const [message] = await raw.waitFor((m) => m.headers[Header.SubmissionId] === accepted.submissionId, 1);
    expect(message.key).toBe(source.id);
    expect(Buffer.compare(message.value!, body)).toBe(0);
    expect(message.headers).toMatchObject({
      [Header.SourceId]: source.id,
      [Header.CapturedAt]: '2025-03-21T10:00:00.000Z',
      [Header.ContentType]: 'text/plain; charset=windows-1252',
      [Header.Sha256]: accepted.sha256,
      [Header.TraceParent]: traceparent,
    });
    // The charset travels in the content type only, and normalise decodes by it.
    expect(message.headers).not.toHaveProperty('copydesk-charset');
    const [item] = await normalised.waitFor((m) => m.headers[Header.SubmissionId] === accepted.submissionId, 1);
    expect(JSON.parse(item.value!.toString()).item.headline).toBe('Café headline');
    expect(item.headers[Header.TraceParent]).toBe(traceparent);
  });

  it('answers a repeated Idempotency-Key with the first submission and produces nothing new', async () => {
    const key = randomUUID();
    const first = await post('Same copy\n\nBody.', { 'Idempotency-Key': key, 'Content-Type': 'text/plain' });
    const again = await post('Same copy\n\nBody.', { 'Idempotency-Key': key, 'Content-Type': 'text/plain' });
    const other = await post('Other copy\n\nBody.', { 'Idempotency-Key': key, 'Content-Type': 'text/plain' });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const a = (await first.json()) as { submissionId: string };
    const b = (await again.json()) as { submissionId: string };
    expect(b.submissionId).toBe(a.submissionId);
    expect(other.status).toBe(409);
    expect(((await other.json()) as { error: string }).error).toBe('IDEMPOTENCY_KEY_REUSED');
    await raw.waitFor((m) => m.headers[Header.SubmissionId] === a.submissionId, 1);
    expect(raw.messages.filter((m) => m.headers[Header.SubmissionId] === a.submissionId)).toHaveLength(1);
  });

  it('lets a retry take over an Idempotency-Key whose first request died before answering, sending the same submission again', async () => {
    const key = randomUUID();
    const body = 'Copy of a request that died\n\nIts process stopped before the 202.';
    const abandoned = randomUUID();
    const db = new Client({ connectionString: DATABASE_URL });
    await db.connect();
    try {
      // What a request leaves behind when its process stops between the broker's ack and the 202.
      await db.query(
        `INSERT INTO ingest.submissions (id, source_id, received_at, captured_at, content_type, size, sha256, idempotency_key, state)
         VALUES ($1, $2, now() - interval '10 minutes', now() - interval '10 minutes', 'text/plain', $3, encode(sha256($4::bytea), 'hex'), $5, 'pending')`,
        [abandoned, source.id, Buffer.byteLength(body), Buffer.from(body), key],
      );
    } finally {
      await db.end();
    }
    const retry = await post(body, { 'Idempotency-Key': key, 'Content-Type': 'text/plain' });
    expect(retry.status).toBe(202);
    const { submissionId } = (await retry.json()) as { submissionId: string };
    // The same submission id: had the first request's copy reached the broker, the stages would recognise the re-send.
    expect(submissionId).toBe(abandoned);
    await raw.waitFor((m) => m.headers[Header.SubmissionId] === submissionId, 1);
    const again = await post(body, { 'Idempotency-Key': key, 'Content-Type': 'text/plain' });
    expect(((await again.json()) as { submissionId: string }).submissionId).toBe(submissionId);
  });

  it('refuses bad requests with a JSON error body and a stable code', async () => {
    const cases: [Promise<Response>, number, string][] = [
      [post(''), 400, 'EMPTY_BODY'],
      [post('copy', { 'X-Captured-At': 'yesterday' }), 400, 'INVALID_CAPTURED_AT'],
      [post('copy', { 'X-Captured-At': '2099-01-01T00:00:00Z' }), 400, 'INVALID_CAPTURED_AT'],
      [post('copy', { 'X-Captured-At': '1970-01-01T00:00:00Z' }), 400, 'INVALID_CAPTURED_AT'],
      [post('copy', { 'Idempotency-Key': 'x'.repeat(300) }), 400, 'INVALID_IDEMPOTENCY_KEY'],
      [post(Buffer.alloc(31 * 1024 * 1024, 0x61)), 413, 'PAYLOAD_TOO_LARGE'],
      [fetch(`${stack.urls.ingest}/v1/wire`, { method: 'POST', body: 'copy' }), 401, 'UNAUTHORIZED'],
      [fetch(`${stack.urls.ingest}/v1/nowhere`), 404, 'NOT_FOUND'],
    ];
    for (const [response, status, code] of cases) {
      const res = await response;
      expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([status, code]);
    }
  });

  it('dead-letters copy that cannot be parsed with its reason and the payload untouched, and goes on with the next', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const bad = (await (await post(garbage, { 'Content-Type': 'application/octet-stream' })).json()) as { submissionId: string };
    const good = (await (await post('After the garbage\n\nStill flowing.', { 'Content-Type': 'text/plain' })).json()) as { submissionId: string };

    const [letter] = await dlq.waitFor((m) => m.headers[Header.SubmissionId] === bad.submissionId, 1);
    const reason = readDeadLetter(letter.headers);
    expect(reason).toMatchObject({ stage: 'normalise', errorCode: 'UNKNOWN_FORMAT', originalTopic: Topic.WireRaw, attempts: 1 });
    expect(Buffer.compare(letter.value!, garbage)).toBe(0);
    await normalised.waitFor((m) => m.headers[Header.SubmissionId] === good.submissionId, 1);
  });

  it('validates what normalise reads: a raw submission without its metadata is dead-lettered as INVALID_MESSAGE', async () => {
    const upstream = new KafkaPublisher(kafka);
    await upstream.connect();
    try {
      await upstream.publish({
        topic: Topic.WireRaw,
        key: source.id,
        value: Buffer.from('Copy with no metadata\n\nBody.'),
        headers: { [Header.SourceId]: source.id },
      });
    } finally {
      await upstream.disconnect();
    }
    const [letter] = await dlq.waitFor(
      (m) => m.headers[Header.DlqTopic] === Topic.WireRaw && m.headers[Header.SourceId] === source.id && !m.headers[Header.SubmissionId],
      1,
    );
    const reason = readDeadLetter(letter.headers);
    expect(reason).toMatchObject({ stage: 'normalise', errorCode: 'INVALID_MESSAGE', attempts: 1 });
    expect(reason.errorDetails).toContainEqual({ part: 'headers', instancePath: '', message: `must have required property '${Header.SubmissionId}'` });
  });
});
