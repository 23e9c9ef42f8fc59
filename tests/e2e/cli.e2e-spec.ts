import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { codecFor, Header, Topic } from '@copydesk/contracts';
import { KafkaConnection, KafkaPublisher } from '@copydesk/kafka';
import { Client } from 'pg';
import { CommandRun, runCopydesk } from '../support/copydesk-command';
import { brokers, DATABASE_URL, KAFKA_BROKERS } from '../support/env';
import { addSource, RunningStack, startServices } from '../support/service-processes';

jest.setTimeout(120_000);

/** `copydesk …` as a person runs it, against this suite's broker, database and ingest. */
function copydesk(args: string[], env: Record<string, string> = {}): Promise<CommandRun> {
  return runCopydesk(args, { KAFKA_BROKERS, DATABASE_URL, ...env });
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the copydesk command against a running ingest, the broker and the database', () => {
  let stack: RunningStack;
  let source: { id: string; apiKey: string };
  let dir: string;
  const text = `Quake shakes the coast ${randomUUID()}\n\nA strong earthquake struck on Friday.\n`;
  const xml = `<nitf><head><title>Markets ${randomUUID()}</title></head><body><body.content><p>Stocks rose.</p></body.content></body></nitf>`;

  beforeAll(async () => {
    stack = await startServices('cli', 21881, {}, ['ingest']);
    source = addSource(`cli-e2e-${Date.now()}`);
    dir = mkdtempSync(path.join(tmpdir(), 'copydesk-cli-'));
    mkdirSync(path.join(dir, 'world'));
    writeFileSync(path.join(dir, 'quake.txt'), text);
    writeFileSync(path.join(dir, 'world', 'markets.xml'), xml);
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, '.DS_Store'), 'not copy');
  });

  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await stack?.stop();
  });

  const push = (...extra: string[]) => copydesk(['push', dir, '--json', ...extra], { COPYDESK_API_KEY: source.apiKey, COPYDESK_INGEST_URL: stack.urls.ingest });

  it('pushes a folder: each file accepted or failed with its error code, a summary, exit status 1; pushed again, nothing is submitted twice', async () => {
    const first = await push();
    expect(first.status).toBe(1);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ total: 3, accepted: 2, duplicates: 0, failed: 1, failures: { EMPTY_BODY: 1 } });
    expect(summary.errors).toEqual([{ file: path.join(dir, 'empty.txt'), status: 400, code: 'EMPTY_BODY', message: expect.any(String) }]);

    const again = await push('--concurrency', '1');
    expect(again.status).toBe(1);
    const second = JSON.parse(again.stdout);
    expect(second).toMatchObject({ total: 3, accepted: 0, duplicates: 2, failed: 1 });
    // The same submissions answered again: the Idempotency-Key is the file's SHA-256.
    expect(second.items.map((i: { submissionId?: string }) => i.submissionId)).toEqual(summary.items.map((i: { submissionId?: string }) => i.submissionId));
    // Without a terminal, progress is plain lines on stderr (none for so short a push) and never on stdout.
    expect(first.stderr).not.toContain('\u001b[');
  });

  it('tails wire.raw.v1 from the beginning: each message decoded by its codec, the copy as text, stopping at --limit', async () => {
    const tail = await copydesk(['tail', Topic.WireRaw, '--from-beginning', '--key', source.id, '--limit', '2']);
    expect(tail.status).toBe(0);
    const lines = jsonLines(tail.stdout);
    expect(lines).toHaveLength(2);
    const bodies = lines.map((l) => l.value.body).sort();
    expect(bodies).toEqual([text, xml].sort());
    for (const l of lines) {
      expect(l).toMatchObject({ topic: Topic.WireRaw, key: source.id, value: { sourceId: source.id, size: Buffer.byteLength(l.value.body) } });
      expect(l.headers[Header.SourceId]).toBe(source.id);
    }
    expect(lines.find((l) => l.value.body === xml)?.value.contentType).toBe('application/xml');
  });

  it('lists a dead letter and replays it once to its original topic, with its original key, headers and payload', async () => {
    const code = `CLI_E2E_${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
    const payload = Buffer.from(`Copy that failed ${code}\n\nOnce, then came back.\n`);
    // The message as ingest wrote it to wire.raw.v1, through the topic's codec.
    const original = codecFor(Topic.WireRaw).encode({
      submissionId: randomUUID(),
      sourceId: source.id,
      receivedAt: new Date().toISOString(),
      capturedAt: new Date().toISOString(),
      contentType: 'text/plain',
      size: payload.length,
      sha256: createHash('sha256').update(payload).digest('hex'),
      body: payload,
    });
    const originalHeaders = original.headers;
    const kafka = new KafkaConnection({ brokers: brokers(), clientId: 'cli-e2e' });
    const publisher = new KafkaPublisher(kafka);
    await publisher.connect();
    try {
      const letter = codecFor(Topic.WireDlq).encode({
        stage: 'normalise',
        errorCode: code,
        errorMessage: 'the copy could not be read',
        errorDetails: [],
        originalTopic: Topic.WireRaw,
        originalPartition: 2,
        originalOffset: '41',
        originalKey: source.id,
        attempts: 1,
        failedAt: new Date().toISOString(),
        originalHeaders,
        key: source.id,
        value: payload,
      });
      await publisher.publish({ topic: letter.topic, key: letter.key, value: letter.value, headers: letter.headers });
    } finally {
      await publisher.disconnect();
    }

    const listed = await copydesk(['dlq', 'list', '--code', code]);
    expect(listed.status).toBe(0);
    const [entry, ...more] = jsonLines(listed.stdout);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      stage: 'normalise',
      errorCode: code,
      originalTopic: Topic.WireRaw,
      originalPartition: 2,
      originalOffset: '41',
      originalKey: source.id,
      replay: null,
    });

    const dry = await copydesk(['dlq', 'replay', '--all', '--code', code, '--dry-run']);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, wouldReplay: 1, alreadyReplayed: 0 });

    const replayed = await copydesk(['dlq', 'replay', '--offset', entry.offset, '--partition', String(entry.partition), '--code', code, '--as', 'cli-e2e']);
    expect(replayed.status).toBe(0);
    expect(JSON.parse(replayed.stdout)).toMatchObject({
      replayed: 1,
      alreadyReplayed: 0,
      failed: 0,
      results: [{ partition: entry.partition, offset: entry.offset, result: 'replayed', targetTopic: Topic.WireRaw }],
    });

    const replayOf = `${Topic.WireDlq}/${entry.partition}/${entry.offset}`;
    const tail = await copydesk(['tail', Topic.WireRaw, '--from-beginning', '--header', `${Header.ReplayOf}=${replayOf}`, '--limit', '1']);
    const [back] = jsonLines(tail.stdout);
    expect(back.key).toBe(source.id);
    expect(back.headers).toMatchObject({ ...originalHeaders, [Header.Attempts]: '1', [Header.ReplayOf]: replayOf });
    // The replayed message is the original, byte for byte, and decodes as the raw submission it was.
    expect(back.value).toMatchObject({ submissionId: originalHeaders[Header.SubmissionId], sourceId: source.id, body: payload.toString() });

    const twice = await copydesk(['dlq', 'replay', '--all', '--code', code]);
    expect(JSON.parse(twice.stdout)).toMatchObject({ replayed: 0, alreadyReplayed: 1, failed: 0 });
    // Recorded where the console records its replays, so neither sends it again.
    const db = new Client({ connectionString: DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(
        'SELECT username, result, target_topic FROM console.replays WHERE dlq_topic = $1 AND dlq_partition = $2 AND dlq_offset = $3',
        [Topic.WireDlq, entry.partition, entry.offset],
      );
      expect(rows).toEqual([{ username: 'cli-e2e', result: 'replayed', target_topic: Topic.WireRaw }]);
    } finally {
      await db.end();
    }
  });
});
