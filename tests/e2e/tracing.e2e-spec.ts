import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { Header, Topic } from '@copydesk/contracts';
import { InboundMessage, KafkaConnection } from '@copydesk/kafka';
import { TopicReader } from '@copydesk/kafka/testing';
import { traceIdOf } from '@copydesk/observability';
import { brokers, SHARED } from '../support/env';
import { addSource, eventually, ServiceName, ServiceProcess } from '../support/service-processes';
import { ECB, G2_CONTENT_TYPE, g2Item } from './dedupe-g2-items';

jest.setTimeout(300_000);

const PAGE = readFileSync(path.join(SHARED, 'corpus/seed/000_3dd1195f19a70900.txt'));
const SERVICES = ['copydesk-ingest', 'copydesk-normalise', 'copydesk-dedupe', 'copydesk-publish'];

/** A span as OTLP/HTTP JSON carries it (ids in hex), with the service that sent it. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  links: { traceId: string; spanId: string }[];
}

/**
 * A collector of our own: accepts OTLP/HTTP JSON exports (`POST /v1/traces`, the exporter's
 * default encoding) and keeps every span.
 */
function startReceiver(spans: ReceivedSpan[], contentTypes: Set<string>): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      contentTypes.add(String(req.headers['content-type']));
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] };
          scopeSpans: { spans: (Omit<ReceivedSpan, 'service' | 'links'> & { links?: ReceivedSpan['links'] })[] }[];
        }[];
      };
      for (const rs of body.resourceSpans) {
        const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
        for (const ss of rs.scopeSpans) for (const s of ss.spans) spans.push({ ...s, service, links: s.links ?? [] });
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('tracing, end to end', () => {
  const spans: ReceivedSpan[] = [];
  const contentTypes = new Set<string>();
  let receiver: Server;
  let services: ServiceProcess[] = [];
  let published: TopicReader;
  let source: { id: string; apiKey: string };
  const kafka = new KafkaConnection({ brokers: brokers(), clientId: 'tracing-e2e' });

  beforeAll(async () => {
    receiver = await startReceiver(spans, contentTypes);
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' };
    services = (['ingest', 'normalise', 'dedupe', 'publish'] as ServiceName[]).map((name, i) => new ServiceProcess(name, 'tracing', 21281 + i, env));
    // As processes, given longer than the default to become ready: a busy two-core machine starts four at once slowly.
    const reader = new TopicReader(kafka, Topic.StoryPublished);
    await Promise.all([reader.start(), ...services.map((s) => s.start(180_000))]);
    published = reader;
    source = addSource(`tracing-${Date.now()}`);
  });

  afterAll(async () => {
    await published?.stop();
    await Promise.all(services.map((s) => s.stop()));
    await new Promise((r) => receiver?.close(r));
  });

  const post = (body: string | Buffer, headers: Record<string, string>) =>
    fetch(`${services[0].url}/v1/wire`, { method: 'POST', headers: { Authorization: `Bearer ${source.apiKey}`, ...headers }, body });

  const eventsOf = (submissionId: string, count: number): Promise<InboundMessage[]> =>
    published.waitFor((m) => m.headers[Header.SubmissionId] === submissionId, count, 60_000);

  const inTrace = (traceId: string) => spans.filter((s) => s.traceId === traceId);

  /**
   * Waits until every service has sent a span of the trace with each of `names`, and `counts[name]`
   * of those named there: a service exports its spans in batches, so one stage's spans of one trace
   * may arrive in more than one export.
   */
  const spansOf = (traceId: string, names: string[], counts: Record<string, number> = {}) =>
    eventually(() => {
      const found = inTrace(traceId);
      const seen = new Set(found.map((s) => s.service));
      const complete = SERVICES.every((s) => seen.has(s)) && names.every((n) => found.filter((s) => s.name === n).length >= (counts[n] ?? 1));
      return complete ? found : undefined;
    }, `the spans of trace ${traceId}`);

  it('follows one submission through all four services in one trace, to the published events and their ce_traceparent', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const guid = `urn:newsml:example.com:20250506:${randomUUID()}`;
    // Two submissions of one source at once: one continues the caller's trace, the other starts
    // its own; each stage may take both in one batch, and each keeps its own trace all the same.
    const [traced, untraced] = await Promise.all([
      post(PAGE, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Captured-At': '2025-03-21T10:00:00Z', traceparent: `00-${traceId}-${callerSpan}-01` }),
      post(g2Item({ guid, version: 1, versionCreated: '2025-05-06T09:00:00Z', headline: 'ECB holds rates', paragraphs: ECB }), {
        'Content-Type': G2_CONTENT_TYPE,
      }),
    ]);
    expect([traced.status, untraced.status]).toEqual([202, 202]);
    const a = (await traced.json()) as { submissionId: string };
    const b = (await untraced.json()) as { submissionId: string };

    const eventsA = await eventsOf(a.submissionId, 6);
    const [eventB] = await eventsOf(b.submissionId, 1);
    for (const event of eventsA) {
      expect(traceIdOf({ traceparent: event.headers[Header.TraceParent] })).toBe(traceId);
      expect(event.headers[Header.CeTraceParent]).toBe(event.headers[Header.TraceParent]);
    }
    const traceB = traceIdOf({ traceparent: eventB.headers[Header.TraceParent] }) as string;
    expect(traceB).toMatch(/^[0-9a-f]{32}$/);
    expect(traceB).not.toBe(traceId);
    expect(eventB.headers[Header.CeTraceParent]).toBe(eventB.headers[Header.TraceParent]);

    const chain = [
      'POST /v1/wire',
      'send wire.raw.v1',
      'record acceptance ingest',
      'process wire.raw.v1',
      'send wire.normalised.v1',
      'process wire.normalised.v1',
      'send story.versions.v1',
      'process story.versions.v1',
      'send story.published.v1',
    ];
    const trace = await spansOf(traceId, chain, { 'process wire.normalised.v1': 6, 'process story.versions.v1': 6 });
    await spansOf(traceB, chain);
    expect([...contentTypes]).toEqual(['application/json']);

    // The request's span is the child of the caller's; the stages' spans come from the services named.
    const request = trace.find((s) => s.name === 'POST /v1/wire')!;
    expect(request).toMatchObject({ service: 'copydesk-ingest', parentSpanId: callerSpan });
    expect(trace.find((s) => s.name === 'process wire.raw.v1')!.service).toBe('copydesk-normalise');
    expect(trace.filter((s) => s.name === 'process wire.normalised.v1').map((s) => s.service)).toEqual(Array(6).fill('copydesk-dedupe'));
    const publishSpans = trace.filter((s) => s.name === 'process story.versions.v1');
    expect(publishSpans.map((s) => s.service)).toEqual(Array(6).fill('copydesk-publish'));
    // Each published event carries the span of the version it was made from.
    const eventSpans = new Set(eventsA.map((e) => e.headers[Header.TraceParent].split('-')[2]));
    expect(eventSpans.size).toBe(6);
    expect([...eventSpans].every((id) => publishSpans.some((s) => s.spanId === id))).toBe(true);

    // A batch's transaction belongs to the batch's span, which links to the trace of every message in it.
    for (const [service, name] of [
      ['copydesk-dedupe', 'transaction dedupe'],
      ['copydesk-publish', 'transaction publish'],
    ]) {
      const batches = spans.filter((s) => s.service === service && s.name.startsWith('process batch') && s.links.some((l) => l.traceId === traceId));
      expect(batches.length).toBeGreaterThan(0);
      // A transaction's span may come in a later export than its batch's.
      const orphans = () => batches.filter((batch) => !spans.some((s) => s.name === name && s.parentSpanId === batch.spanId));
      await eventually(() => (orphans().length === 0 ? true : undefined), `the ${name} spans of ${service}'s batches`, 30_000).catch(() => undefined);
      expect(orphans()).toEqual([]);
    }
  });
});
