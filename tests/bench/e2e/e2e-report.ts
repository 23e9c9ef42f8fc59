import { ConsumerFigures, formatRequests, RequestFigures } from './consumer-metrics';
import { SelfTime } from './cpu-profile';
import { PhaseReport } from './e2e-load';
import { Latency } from './latency';
import { NullReport } from './null-pipeline';
import { ProcessUsage } from './process-sampler';
import { StageFigures } from './stage-sampler';

export interface RealPhase {
  load: PhaseReport;
  stages: StageFigures[];
  processes: ProcessUsage[];
  /** The phase's end-to-end items/s over the null pipeline's messages/s. */
  ratioToNull: number;
  requests: RequestFigures[];
}

export interface E2eReport {
  settings: Record<string, string | number | boolean>;
  nullPipeline?: NullReport;
  phases: RealPhase[];
  consumers?: ConsumerFigures[];
  profiles?: Record<string, SelfTime[]>;
}

const n0 = (n: number | null) => (n === null || Number.isNaN(n) ? '-' : n.toFixed(0));
const n1 = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1));
const ms = (l: Latency) => `p50 ${n0(l.p50)} ms, p95 ${n0(l.p95)} ms, p99 ${n0(l.p99)} ms, max ${n0(l.max)} ms`;
const pad = (s: string, w: number) => s.padEnd(w);

function stageLines(stages: StageFigures[]): string[] {
  return [
    `    ${pad('stage', 10)} ${pad('writes', 30)} ${pad('msg/s', 7)} ${pad('peak/s', 7)} ${pad('max lag', 8)} mean lag`,
    ...stages.map(
      (s) => `    ${pad(s.stage, 10)} ${pad(s.output, 30)} ${pad(n0(s.messagesPerS), 7)} ${pad(n0(s.peakPerS), 7)} ${pad(n0(s.maxLag), 8)} ${n0(s.meanLag)}`,
    ),
  ];
}

function processLines(processes: ProcessUsage[]): string[] {
  return [
    `    ${pad('process', 16)} ${pad('pid', 8)} ${pad('CPU s', 8)} peak RSS MB`,
    ...processes.map((p) => `    ${pad(p.name, 16)} ${pad(p.pid ? String(p.pid) : '-', 8)} ${pad(n1(p.cpuSeconds), 8)} ${p.peakRssMb ? n0(p.peakRssMb) : '-'}`),
  ];
}

// The table is printed a section at a time, as each part of the run ends, so a long run that is
// cut short still shows what it measured; tmp/bench-e2e.json holds the same figures.

export function formatSettings(settings: E2eReport['settings']): string {
  return `bench:e2e  ${Object.entries(settings)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`;
}

export function formatNull(np: NullReport): string {
  return [
    `null pipeline: ${np.messages} messages of ${np.bytes} B through 4 relays in ${n1(np.seconds)} s: ${n0(np.messagesPerS)} messages/s`,
    `  latency (send to last topic): ${ms(np.latencyMs)}`,
    ...stageLines(np.stages),
    ...processLines(np.processes),
  ].join('\n');
}

export function formatPhase(p: RealPhase): string {
  const l = p.load;
  const kinds = Object.entries(l.kinds)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  return [
    `${l.name}: ${l.items} items (${kinds}); ${l.published}/${l.expected} published, ${l.missing} missing, ${l.duplicated} duplicated, ${l.repeatsPublished} repeats published, ${l.retries} retries`,
    `  accepted:   ${n0(l.acceptedPerS)} items/s (${n1(l.acceptSeconds)} s); 202 latency ${ms(l.acceptLatencyMs)}`,
    `  end to end: ${n0(l.endToEndPerS)} items/s (${n1(l.endToEndSeconds)} s), ${(100 * p.ratioToNull).toFixed(1)}% of the null pipeline`,
    `  latency 202 -> story.published.v1: ${ms(l.latencyMs)}`,
    ...stageLines(p.stages),
    ...processLines(p.processes),
    ...formatRequests(p.requests),
  ].join('\n');
}

export function formatProfile(service: string, top: SelfTime[]): string {
  return [
    `${service}: top ${top.length} functions by self time (share of its time on the CPU)`,
    ...top.map((f) => `    ${pad(n1(f.selfMs), 9)} ms ${pad(f.percent.toFixed(1), 5)}%  ${f.function}  ${f.where}`),
  ].join('\n');
}
