import { useState } from 'preact/hooks';
import { api, errorText } from '../api';
import { Time } from '../components/time-label';
import { useApi } from '../components/use-api';
import { useCan } from '../context';

interface Rule {
  id: string;
  name: string;
  kind: string;
  stage: string;
  threshold: number;
  holdSeconds: number;
  webhookUrl: string | null;
  state: { since: number | null; firing: boolean; value: number | null };
}

interface AlertEvent {
  id: string;
  rule: string;
  state: string;
  at: string;
  value: number | null;
  delivery: string;
}

const KINDS = { lag_seconds: 'lag (s) ≥', dead_letters_per_minute: 'dead letters/min ≥', stage_not_ready: 'not ready' } as const;

export function AlertsPage() {
  const admin = useCan('admin');
  const operator = useCan('operator');
  const { data, error, reload } = useApi<{ rules: Rule[]; events: AlertEvent[] }>('/api/alerts', 2000);
  const [form, setForm] = useState({ name: '', kind: 'lag_seconds', stage: 'dedupe', threshold: '60', holdSeconds: '30', webhookUrl: '' });
  const [message, setMessage] = useState('');
  const run = async (work: () => Promise<unknown>, done: (r: unknown) => string) => {
    try {
      setMessage(done(await work()));
      reload();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const add = (e: Event) => {
    e.preventDefault();
    const body = { ...form, threshold: Number(form.threshold), holdSeconds: Number(form.holdSeconds), webhookUrl: form.webhookUrl || undefined };
    void run(
      () => api('/api/alerts/rules', { method: 'POST', body }),
      () => 'rule added',
    );
  };
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value });
  return (
    <>
      <h1>Alerts</h1>
      {error && <p class="error">{error}</p>}
      {admin && (
        <form class="filters" onSubmit={add}>
          <label class="field">
            Name
            <input value={form.name} onInput={set('name')} required />
          </label>
          <label class="field">
            When
            <select value={form.kind} onChange={set('kind')}>
              {Object.entries(KINDS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            Stage
            <select value={form.stage} onChange={set('stage')}>
              {['ingest', 'normalise', 'dedupe', 'publish'].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label class="field">
            Threshold
            <input type="number" min="0" step="any" value={form.threshold} onInput={set('threshold')} disabled={form.kind === 'stage_not_ready'} />
          </label>
          <label class="field">
            Held for (s)
            <input type="number" min="0" value={form.holdSeconds} onInput={set('holdSeconds')} required />
          </label>
          <label class="field">
            Webhook URL
            <input type="url" value={form.webhookUrl} onInput={set('webhookUrl')} placeholder="https://…" />
          </label>
          <div class="buttons">
            <button type="submit">Add rule</button>
          </div>
        </form>
      )}
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      <h2>Rules</h2>
      <ul class="rules" data-testid="alert-rules">
        {(data?.rules ?? []).map((r) => (
          <li key={r.id} class={r.state.firing ? 'down' : ''}>
            <strong>{r.name}</strong>: {r.stage} {KINDS[r.kind as keyof typeof KINDS]} {r.kind === 'stage_not_ready' ? '' : r.threshold}, held {r.holdSeconds} s
            — {r.state.firing ? 'FIRING' : r.state.since ? 'breached, holding' : 'ok'} (now {r.state.value ?? '—'}){' '}
            {r.webhookUrl && <span class="muted small">→ {r.webhookUrl}</span>}{' '}
            <button
              disabled={!operator || !r.webhookUrl}
              onClick={() =>
                run(
                  () => api(`/api/alerts/rules/${r.id}/test`, { method: 'POST' }),
                  (x) => `test: ${(x as { delivery: string }).delivery}`,
                )
              }
            >
              Test webhook
            </button>{' '}
            <button
              disabled={!admin}
              onClick={() =>
                confirm(`Remove ${r.name}?`) &&
                run(
                  () => api(`/api/alerts/rules/${r.id}`, { method: 'DELETE' }),
                  () => 'removed',
                )
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <h2>Recent</h2>
      <ul data-testid="alert-events">
        {(data?.events ?? []).map((e) => (
          <li key={e.id}>
            <Time at={e.at} /> {e.rule} {e.state} (value {e.value ?? '—'}) — {e.delivery}
          </li>
        ))}
      </ul>
    </>
  );
}
