/**
 * Every metric family Copydesk registers, in one place (as topic names live in one enum):
 * the code that counts asks for its family here, the README lists them, and the dashboard
 * spec checks that every panel queries one of them. Prometheus conventions: `copydesk_`
 * prefix, counters end in `_total`, durations are `_seconds` histograms. Labels are bounded:
 * topics, groups, routes, codes, rules and registered sources, never a story id or a key.
 */
export interface MetricFamily<L extends string = string> {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  labels: readonly L[];
  buckets?: readonly number[];
}

const family = <L extends string>(f: MetricFamily<L>): MetricFamily<L> => f;

/** Seconds, from a millisecond to half a minute: handlers, batches, HTTP requests. */
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;
/** Messages in a batch, up to the runner's largest chunk and beyond. */
export const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const;

export const MetricFamilies = {
  httpRequests: family({
    name: 'copydesk_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    type: 'counter',
    labels: ['method', 'route', 'status'],
  }),
  httpRequestDuration: family({
    name: 'copydesk_http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent (or the connection closing), by method, route pattern and status.',
    type: 'histogram',
    labels: ['method', 'route', 'status'],
    buckets: DURATION_BUCKETS,
  }),
  consumerMessages: family({
    name: 'copydesk_consumer_messages_total',
    help: 'Messages a consumer finished with (handled or dead-lettered) and committed past, by group and topic.',
    type: 'counter',
    labels: ['group', 'topic'],
  }),
  consumerHandlerDuration: family({
    name: 'copydesk_consumer_handler_duration_seconds',
    help: "Time of one call of the stage's handler (one message, or one batch on a batched topic), failed calls included.",
    type: 'histogram',
    labels: ['group', 'topic'],
    buckets: DURATION_BUCKETS,
  }),
  consumerBatchDuration: family({
    name: 'copydesk_consumer_batch_duration_seconds',
    help: 'Time to work through one batch of a partition: its handler calls, dead letters and waits, up to the commit of its last offset.',
    type: 'histogram',
    labels: ['group', 'topic'],
    buckets: DURATION_BUCKETS,
  }),
  consumerBatchMessages: family({
    name: 'copydesk_consumer_batch_messages',
    help: 'Messages in one batch of a partition, as the consumer worked through it.',
    type: 'histogram',
    labels: ['group', 'topic'],
    buckets: BATCH_SIZE_BUCKETS,
  }),
  consumerLagMessages: family({
    name: 'copydesk_consumer_lag_messages',
    help: "Messages of the partition behind the last one this consumer finished, by the partition's high watermark at the last fetch.",
    type: 'gauge',
    labels: ['group', 'topic', 'partition'],
  }),
  consumerLagSeconds: family({
    name: 'copydesk_consumer_lag_seconds',
    help: 'How far behind in time the consumer is: the age of the last message it finished while later ones wait; 0 when caught up.',
    type: 'gauge',
    labels: ['group', 'topic', 'partition'],
  }),
  consumerRetries: family({
    name: 'copydesk_consumer_retries_total',
    help: 'Handler calls tried again after a failure, by kind: unknown (a bounded number of attempts) or infrastructure (waiting out a dependency).',
    type: 'counter',
    labels: ['group', 'topic', 'kind'],
  }),
  consumerDeadLetters: family({
    name: 'copydesk_consumer_dead_letters_total',
    help: 'Messages dead-lettered (acknowledged on wire.dlq.v1), by group, original topic and error code.',
    type: 'counter',
    labels: ['group', 'topic', 'code'],
  }),
  kafkaRequests: family({
    name: 'copydesk_kafka_requests_total',
    help: "Requests this process's Kafka clients sent to the brokers, by client role (producer, consumer, admin) and Kafka API (Produce, Fetch, Heartbeat, ...).",
    type: 'counter',
    labels: ['role', 'api'],
  }),
  outboxDepth: family({
    name: 'copydesk_outbox_depth',
    help: 'Outbox records waiting to be sent, held ones included (set-aside ones not); read at scrape time, exact up to 10,000 and estimated above.',
    type: 'gauge',
    labels: ['outbox'],
  }),
  outboxOldestAge: family({
    name: 'copydesk_outbox_oldest_age_seconds',
    help: 'How long the oldest due outbox record has waited since it was written or fell due; 0 when none is due. Read at scrape time.',
    type: 'gauge',
    labels: ['outbox'],
  }),
  outboxSent: family({
    name: 'copydesk_outbox_sent_total',
    help: 'Outbox records the broker acknowledged and the relay deleted.',
    type: 'counter',
    labels: ['outbox'],
  }),
  ingestAccepted: family({
    name: 'copydesk_ingest_accepted_total',
    help: 'Submissions accepted (the broker acknowledged them), by source id; replays of an Idempotency-Key are not counted again.',
    type: 'counter',
    labels: ['source'],
  }),
  ingestRefused: family({
    name: 'copydesk_ingest_refused_total',
    help: 'Submissions refused on POST /v1/wire, by error code and source id ("unknown" before the key is known).',
    type: 'counter',
    labels: ['code', 'source'],
  }),
  dedupeOutcomes: family({
    name: 'copydesk_dedupe_outcomes_total',
    help: 'Dedupe decisions committed, by outcome (new-story, new-version, duplicate, already-decided), match basis and text rule.',
    type: 'counter',
    labels: ['outcome', 'basis', 'rule'],
  }),
  publishEvents: family({
    name: 'copydesk_publish_events_total',
    help: 'Story versions published (their CloudEvents written to the outbox, held ones included), by event type.',
    type: 'counter',
    labels: ['type'],
  }),
  publishSseClients: family({
    name: 'copydesk_publish_sse_clients',
    help: 'Readers connected to the SSE stream (GET /v1/stream) now.',
    type: 'gauge',
    labels: [],
  }),
} as const;

/** Every family, for the README and dashboard specs. */
export const METRIC_FAMILIES: readonly MetricFamily[] = Object.values(MetricFamilies);
