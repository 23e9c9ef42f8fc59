/** What a stage's consumer did over a run, from its `/metrics`: how many batches, how large, how long. */
export interface ConsumerFigures {
  stage: string;
  batches: number;
  meanBatchMessages: number;
  /** Mean time of one handler call (one batch on a batched topic), milliseconds. */
  meanHandlerMs: number;
  /** Mean time from a batch's first message to the commit of its last, milliseconds. */
  meanBatchMs: number;
  /** Share of the run the handlers were busy, summed over the partitions worked at once. */
  busy: number;
  /** The V8 heap at the end of the run: in use, and what V8 holds for it, MB. */
  heapUsedMb: number;
  heapTotalMb: number;
}

/** The sum of every sample of `name` (all label sets) in a Prometheus text exposition. */
function total(text: string, name: string): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== '{' && rest[0] !== ' ') continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** Reads a service's consumer figures; `seconds` is the length of the run, for the busy share. */
export async function consumerFigures(stage: string, url: string, seconds: number): Promise<ConsumerFigures> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const batches = total(text, 'copydesk_consumer_batch_messages_count');
  const handlerCalls = total(text, 'copydesk_consumer_handler_duration_seconds_count');
  const handlerSeconds = total(text, 'copydesk_consumer_handler_duration_seconds_sum');
  return {
    stage,
    batches,
    meanBatchMessages: batches ? total(text, 'copydesk_consumer_batch_messages_sum') / batches : 0,
    meanHandlerMs: handlerCalls ? (1000 * handlerSeconds) / handlerCalls : 0,
    meanBatchMs: batches ? (1000 * total(text, 'copydesk_consumer_batch_duration_seconds_sum')) / batches : 0,
    busy: seconds > 0 ? handlerSeconds / seconds : 0,
    heapUsedMb: total(text, 'nodejs_heap_size_used_bytes') / 2 ** 20,
    heapTotalMb: total(text, 'nodejs_heap_size_total_bytes') / 2 ** 20,
  };
}

export function formatConsumers(figures: ConsumerFigures[]): string {
  const rows = figures.map(
    (f) =>
      `    ${f.stage.padEnd(10)} ${String(f.batches).padStart(7)}  ${f.meanBatchMessages.toFixed(1).padStart(10)}  ${f.meanHandlerMs.toFixed(1).padStart(10)}  ${f.meanBatchMs.toFixed(1).padStart(8)}  ${f.busy.toFixed(2).padStart(5)}  ${f.heapUsedMb.toFixed(0).padStart(5)} / ${f.heapTotalMb.toFixed(0)}`,
  );
  return [
    "consumers over the run, warm-up included (from each service's /metrics):",
    '    stage      batches  msgs/batch  handler ms  batch ms  busy  heap used / total MB (at the end)',
    ...rows,
  ].join('\n');
}

/** A process's Kafka requests so far, by `role api` (from `copydesk_kafka_requests_total`). */
export async function kafkaRequests(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^copydesk_kafka_requests_total\{(.*)\} (\S+)$/.exec(line);
    if (!m) continue;
    const role = /role="([^"]*)"/.exec(m[1])?.[1] ?? '?';
    const api = /api="([^"]*)"/.exec(m[1])?.[1] ?? '?';
    counts.set(`${role} ${api}`, (counts.get(`${role} ${api}`) ?? 0) + Number(m[2]));
  }
  return counts;
}

/** A stage's Kafka requests over a phase, per item of the phase, busiest first. */
export interface RequestFigures {
  stage: string;
  perItem: { request: string; count: number; perItem: number }[];
}

export function requestFigures(stage: string, before: Map<string, number>, after: Map<string, number>, items: number): RequestFigures {
  const perItem = [...after.entries()]
    .map(([request, n]) => ({ request, count: n - (before.get(request) ?? 0) }))
    .filter((r) => r.count > 0)
    .map((r) => ({ ...r, perItem: items > 0 ? r.count / items : 0 }))
    .sort((a, b) => b.count - a.count);
  return { stage, perItem };
}

export function formatRequests(figures: RequestFigures[]): string[] {
  return [
    '    Kafka requests a stage sent, per item of the phase (from its /metrics):',
    ...figures.map((f) => `    ${f.stage.padEnd(10)} ${f.perItem.map((r) => `${r.request} ${r.perItem.toFixed(2)}`).join(', ') || '-'}`),
  ];
}
