import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { brokerList, loadConfig } from '@copydesk/config';
import { Header, Topic, TOPICS } from '@copydesk/contracts';
import { runMigrations } from '@copydesk/database';
import { KafkaConnection, KafkaPublisher } from '@copydesk/kafka';
import { createTopics, TopicReader } from '@copydesk/kafka/testing';
import { ApiError, ShutdownSequence } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { createIngestDataSource, INGEST_SCHEMA } from '../database/ingest-data-source';
import { SourcesRepository } from '../sources/sources.repository';
import { Source, SourcesService } from '../sources/sources.service';
import { LateAcceptances } from './late-acceptances';
import { SubmissionsRepository } from './submissions.repository';
import { readWireRequest } from './wire-request';
import { Accepted, WireService } from './wire.service';

jest.setTimeout(120_000);

const config = loadConfig(IngestConfig);
const kafka = new KafkaConnection({ brokers: brokerList(config), clientId: 'ingest-int-spec' });

/** One ingest instance: its own pool, publisher and late acceptances. */
interface Instance {
  ds: DataSource;
  publisher: KafkaPublisher;
  late: LateAcceptances;
  wire: WireService;
}

async function startInstance(): Promise<Instance> {
  const ds = createIngestDataSource(config.DATABASE_URL);
  await ds.initialize();
  const publisher = new KafkaPublisher(kafka);
  await publisher.connect();
  const submissions = new SubmissionsRepository(ds);
  const late = new LateAcceptances(submissions, new ShutdownSequence());
  return { ds, publisher, late, wire: new WireService(publisher, submissions, late) };
}

async function outcome(p: Promise<Accepted>): Promise<Accepted | { status: number; code: string; headers: Readonly<Record<string, string>> }> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError) return { status: e.status, code: e.code, headers: e.headers };
    throw e;
  }
}

describe('WireService on the real broker and database: idempotency claims and database failures', () => {
  const instances: Instance[] = [];
  let raw: TopicReader;
  let source: Source;

  beforeAll(async () => {
    await runMigrations(INGEST_SCHEMA, () => createIngestDataSource(config.DATABASE_URL));
    await createTopics(kafka, TOPICS);
    instances.push(await startInstance(), await startInstance());
    source = await new SourcesService(new SourcesRepository(instances[0].ds)).register(`wire-int-${randomUUID().slice(0, 8)}`);
    raw = await new TopicReader(kafka, Topic.WireRaw).start();
  });

  afterAll(async () => {
    await raw?.stop();
    for (const i of instances) {
      await i.publisher.disconnect();
      await i.ds.destroy();
    }
  });

  const db = () => instances[0].ds;
  const sha = (body: string) => createHash('sha256').update(body).digest('hex');
  const request = (idempotencyKey?: string) => readWireRequest({ contentType: 'text/plain', ...(idempotencyKey ? { idempotencyKey } : {}) });
  const rawOf = (submissionId: string) => raw.messages.filter((m) => m.headers[Header.SubmissionId] === submissionId);
  const rowOf = async (key: string) =>
    (
      (await db().query('SELECT id, state, attempt FROM ingest.submissions WHERE source_id = $1 AND idempotency_key = $2', [source.id, key])) as {
        id: string;
        state: string;
        attempt: number;
      }[]
    )[0];

  /** The database refuses to record acceptances of this source (as a server that is going down does) until the returned function runs. */
  async function refuseAcceptances(): Promise<() => Promise<void>> {
    const name = `refuse_acceptance_${randomUUID().replace(/-/g, '')}`;
    await db().query(`CREATE FUNCTION ingest.${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the database system is shutting down' USING ERRCODE = '57P03'; END $$`);
    await db().query(`CREATE TRIGGER ${name} BEFORE INSERT OR UPDATE ON ingest.submissions FOR EACH ROW
      WHEN (NEW.state = 'accepted' AND NEW.source_id = '${source.id}') EXECUTE FUNCTION ingest.${name}()`);
    return async () => {
      await db().query(`DROP TRIGGER ${name} ON ingest.submissions`);
      await db().query(`DROP FUNCTION ingest.${name}()`);
    };
  }

  it('keeps the Idempotency-Key contract when the claims and acceptances of many concurrent requests share statements', async () => {
    const keys = Array.from({ length: 20 }, () => randomUUID());
    const body = (key: string) => `Copy sent three times at once\n\nUnder key ${key}.`;
    // Three requests a key, all at once, on both instances: their claims and acceptances go to the database together.
    const answers = await Promise.all(
      keys.flatMap((key) => [0, 1, 2].map((n) => outcome(instances[n % 2].wire.submit(source, request(key), Buffer.from(body(key)))))),
    );
    // A different body under a key that is taken is refused as before.
    expect(await outcome(instances[0].wire.submit(source, request(keys[0]), Buffer.from('another body')))).toMatchObject({
      status: 409,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    // Copy of the same source after them: once it is read, so is everything sent before it.
    const last = await instances[0].wire.submit(source, request(), Buffer.from('the last copy'));
    await raw.waitFor((m) => m.headers[Header.SubmissionId] === last.submissionId, 1);
    for (const [i, key] of keys.entries()) {
      const mine = answers.slice(i * 3, i * 3 + 3);
      const accepted = mine.filter((a): a is Accepted => 'submissionId' in a);
      for (const refused of mine.filter((a) => !('submissionId' in a))) expect(refused).toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_IN_PROGRESS' });
      // One request sent the copy; every 202 names its submission, and it went to the broker once.
      expect(accepted.filter((a) => !a.replayed)).toHaveLength(1);
      const [first] = accepted;
      for (const a of accepted) expect(a.submissionId).toBe(first.submissionId);
      expect(rawOf(first.submissionId)).toHaveLength(1);
      expect(await rowOf(key)).toEqual({ id: first.submissionId, state: 'accepted', attempt: 1 });
      expect(await instances[1].wire.submit(source, request(key), Buffer.from(body(key)))).toMatchObject({ submissionId: first.submissionId, replayed: true });
    }
  });

  it('lets only one of two racing retries take over an abandoned claim, and every 202 names the one submission the key holds', async () => {
    const key = randomUUID();
    const body = `Copy of a request that died\n\nIts process stopped before the 202 (${key}).`;
    const abandoned = randomUUID();
    // What a request leaves behind when its process stops between the reservation and the 202.
    await db().query(
      `INSERT INTO ingest.submissions (id, source_id, received_at, captured_at, content_type, size, sha256, idempotency_key, state)
       VALUES ($1, $2, now() - interval '10 minutes', now() - interval '10 minutes', 'text/plain', $3, $4, $5, 'pending')`,
      [abandoned, source.id, Buffer.byteLength(body), sha(body), key],
    );

    const answers = await Promise.all(instances.map((i) => outcome(i.wire.submit(source, request(key), Buffer.from(body)))));

    const accepted = answers.filter((a): a is Accepted => 'submissionId' in a);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    for (const a of accepted) expect(a.submissionId).toBe(abandoned);
    for (const refused of answers.filter((a) => !('submissionId' in a))) expect(refused).toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_IN_PROGRESS' });
    // One takeover: attempt 2 sent the abandoned submission again, under its own id.
    expect(await rowOf(key)).toEqual({ id: abandoned, state: 'accepted', attempt: 2 });
    await raw.waitFor((m) => m.headers[Header.SubmissionId] === abandoned, 1);
    expect(raw.messages.filter((m) => m.headers[Header.Sha256] === sha(body) && m.headers[Header.SubmissionId] !== abandoned)).toHaveLength(0);

    const again = await instances[1].wire.submit(source, request(key), Buffer.from(body));
    expect(again).toMatchObject({ submissionId: abandoned, replayed: true });
  });

  it('answers the same submission to the request whose claim was taken over when it finishes after the retry', async () => {
    const key = randomUUID();
    const body = `Copy of a slow request\n\nIts broker acknowledgement came late (${key}).`;
    const slow = new Date(Date.now() - 2 * 60_000);
    // The slow request claimed the key two minutes ago and is still waiting for the broker; a retry takes its claim over.
    const [first, retry] = await Promise.all([
      outcome(instances[0].wire.submit(source, request(key), Buffer.from(body), slow)),
      new Promise((r) => setTimeout(r, 0)).then(() => outcome(instances[1].wire.submit(source, request(key), Buffer.from(body)))),
    ]);
    const ids = [first, retry].filter((a): a is Accepted => 'submissionId' in a).map((a) => a.submissionId);
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ids).size).toBe(1);
    const row = await rowOf(key);
    expect(row).toMatchObject({ id: ids[0], state: 'accepted' });
    await raw.waitFor((m) => m.headers[Header.SubmissionId] === row.id, 1);
    expect(raw.messages.filter((m) => m.headers[Header.Sha256] === sha(body) && m.headers[Header.SubmissionId] !== row.id)).toHaveLength(0);
  });

  it('lets a retry take over at once the claim of a request the broker failed, sending the same submission again', async () => {
    const key = randomUUID();
    const body = `Copy the broker did not acknowledge\n\nIt is sent again (${key}).`;
    const now = new Date();
    const failed = {
      id: randomUUID(),
      sourceId: source.id,
      receivedAt: now,
      capturedAt: now,
      contentType: 'text/plain',
      size: Buffer.byteLength(body),
      sha256: sha(body),
    };
    const submissions = new SubmissionsRepository(db());
    expect(await submissions.reserve({ ...failed, idempotencyKey: key, state: 'pending', attempt: 1, claimedAt: now })).toEqual({ reserved: true });
    // What the request does when the broker fails it: it gives the claim up and answers 503.
    await submissions.releaseClaim(failed.id, 1);

    expect(await outcome(instances[1].wire.submit(source, request(key), Buffer.from('Another body\n\nUnder the same key.')))).toMatchObject({
      status: 409,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await instances[1].wire.submit(source, request(key), Buffer.from(body))).toMatchObject({ submissionId: failed.id, replayed: false });
    expect(await rowOf(key)).toEqual({ id: failed.id, state: 'accepted', attempt: 2 });
    await raw.waitFor((m) => m.headers[Header.SubmissionId] === failed.id, 1);
  });

  it('answers a database failure after the broker acknowledged with a retryable 503, and a retry with the key then gets that submission', async () => {
    const key = randomUUID();
    const body = `Copy the database could not record\n\nThe broker holds it (${key}).`;
    const allow = await refuseAcceptances();
    try {
      expect(await outcome(instances[0].wire.submit(source, request(key), Buffer.from(body)))).toEqual({
        status: 503,
        code: 'DATABASE_UNAVAILABLE',
        headers: { 'Retry-After': '2' },
      });
      const { id } = await rowOf(key);
      await raw.waitFor((m) => m.headers[Header.SubmissionId] === id, 1);
      // While the acceptance is still unrecorded, a retry is told to come back: it sends nothing.
      expect(await outcome(instances[1].wire.submit(source, request(key), Buffer.from(body)))).toMatchObject({
        status: 409,
        code: 'IDEMPOTENCY_KEY_IN_PROGRESS',
      });
      expect(instances[0].late.size).toBe(1);
      await instances[0].late.flush();
      expect(instances[0].late.size).toBe(1);
    } finally {
      await allow();
    }
    await instances[0].late.flush();
    expect(instances[0].late.size).toBe(0);
    const { id } = await rowOf(key);
    expect(await instances[1].wire.submit(source, request(key), Buffer.from(body))).toMatchObject({ submissionId: id, replayed: true });
    expect(await rowOf(key)).toEqual({ id, state: 'accepted', attempt: 1 });
    expect(rawOf(id)).toHaveLength(1);
  });

  it('answers a database failure after the broker acknowledged copy sent without a key with a 503, and records the submission once the database is back', async () => {
    const body = `Keyless copy the database could not record\n\nThe broker holds it (${randomUUID()}).`;
    const allow = await refuseAcceptances();
    try {
      expect(await outcome(instances[0].wire.submit(source, request(), Buffer.from(body)))).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    } finally {
      await allow();
    }
    const [message] = await raw.waitFor((m) => m.headers[Header.Sha256] === sha(body), 1);
    const id = message.headers[Header.SubmissionId];
    expect(await db().query('SELECT id FROM ingest.submissions WHERE id = $1', [id])).toEqual([]);
    await instances[0].late.flush();
    expect(await db().query('SELECT state FROM ingest.submissions WHERE id = $1', [id])).toEqual([{ state: 'accepted' }]);
  });
});
