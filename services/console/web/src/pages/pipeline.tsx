import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from '../api';
import { Sparkline } from '../components/sparkline';
import { UpdatedLabel } from '../components/time-label';

export interface Instance {
  url: string;
  ready: boolean;
  status: number | null;
  error?: string;
}

export interface Stage {
  name: string;
  input: string | null;
  output: string;
  rate: number;
  lag: number | null;
  lagSeconds: number | null;
  lagTrend: 'rising' | 'falling' | 'steady';
  deadLettersLastHour: number;
  ready: boolean;
  instances: Instance[];
}

interface Sample {
  stage: string;
  at: string;
  lag: number | null;
  lagSeconds: number | null;
  rate: number;
}

const TREND = { rising: '↑ rising', falling: '↓ falling', steady: '→ steady' };
const HOUR_MS = 3600_000;

export function seconds(s: number | null): string {
  if (s === null) return '—';
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${(s / 3600).toFixed(1)} h`;
}

function StageCard({ stage, history }: { stage: Stage; history: Sample[] }) {
  return (
    <section class={`stage ${stage.ready ? 'ok' : 'down'}`} data-testid={`stage-${stage.name}`} aria-label={`Stage ${stage.name}`}>
      <h2>
        {stage.name} <span class={`badge ${stage.ready ? 'ok' : 'down'}`}>{stage.ready ? 'ready' : 'not ready'}</span>
      </h2>
      <p class="topics muted">
        {stage.input ?? 'HTTP'} → {stage.output}
      </p>
      <dl class="figures">
        <dt>Messages/s</dt>
        <dd data-testid={`stage-${stage.name}-rate`}>{stage.rate.toFixed(2)}</dd>
        <dt>Lag</dt>
        <dd data-testid={`stage-${stage.name}-lag`}>{stage.lag === null ? '—' : `${stage.lag} msgs`}</dd>
        <dt>Lag (age)</dt>
        <dd data-testid={`stage-${stage.name}-lag-seconds`}>{stage.lag === null ? '—' : seconds(stage.lagSeconds)}</dd>
        <dt>Trend</dt>
        <dd class={`trend ${stage.lagTrend}`}>{stage.lag === null ? '—' : TREND[stage.lagTrend]}</dd>
        <dt>Dead letters (1 h)</dt>
        <dd data-testid={`stage-${stage.name}-dlq`}>{stage.deadLettersLastHour}</dd>
      </dl>
      <div class="sparks">
        {stage.lag !== null && <Sparkline label="lag (msgs)" values={history.map((h) => h.lag)} />}
        <Sparkline label="messages/s" values={history.map((h) => h.rate)} />
      </div>
      <ul class="instances">
        {stage.instances.map((i) => (
          <li key={i.url} class={i.ready ? 'ok' : 'down'} title={i.error ?? `HTTP ${i.status}`}>
            <span class="dot" aria-hidden="true" /> {i.url} — {i.ready ? 'ready' : i.status === null ? 'no answer' : `HTTP ${i.status}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The home page: the four stages as a flow, pushed by the server (SSE) at least every 2 s. */
export function PipelinePage() {
  const [stages, setStages] = useState<Stage[]>([]);
  const [at, setAt] = useState<string | null>(null);
  const [history, setHistory] = useState<Sample[]>([]);
  const [error, setError] = useState('');
  const [live, setLive] = useState(false);

  useEffect(() => {
    api<Sample[]>('/api/pipeline/history?minutes=60').then(setHistory, (e) => setError(errorText(e)));
    const source = new EventSource('/api/stream');
    source.addEventListener('open', () => setLive(true));
    source.addEventListener('error', () => setLive(false));
    source.addEventListener('pipeline', (e) => {
      const data = JSON.parse((e as MessageEvent).data) as { at: string; stages: Stage[] };
      setStages(data.stages);
      setAt(data.at);
      setLive(true);
    });
    source.addEventListener('sample', (e) => {
      const added = JSON.parse((e as MessageEvent).data) as Sample[];
      setHistory((h) => [...h.filter((s) => Date.parse(s.at) > Date.now() - HOUR_MS), ...added]);
    });
    return () => source.close();
  }, []);

  return (
    <>
      <div class="page-head">
        <h1>Pipeline</h1>
        <p class="muted" aria-live="polite">
          <span class={`badge ${live ? 'ok' : 'down'}`} data-testid="live">
            {live ? 'live' : 'reconnecting'}
          </span>{' '}
          measured <UpdatedLabel at={at} />
        </p>
      </div>
      {error && <p class="error">{error}</p>}
      <div class="flow" data-testid="pipeline">
        {stages.map((s, i) => (
          <>
            {i > 0 && (
              <div class="arrow" aria-hidden="true">
                →
              </div>
            )}
            <StageCard key={s.name} stage={s} history={history.filter((h) => h.stage === s.name)} />
          </>
        ))}
      </div>
      {stages.length === 0 && !error && <p class="muted">Measuring…</p>}
    </>
  );
}
