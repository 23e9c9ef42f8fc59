import { useState } from 'preact/hooks';
import { api, errorText } from '../api';
import { Time } from '../components/time-label';
import { useApi } from '../components/use-api';
import { useCan } from '../context';

interface SourceRow {
  id: string;
  name: string;
  createdAt: string;
  disabledAt: string | null;
  lastSeenAt: string | null;
  submissionsLastHour: number;
  itemsLastHour: number;
  deadLettersLastHour: number;
  deadLetters: number;
}

export function SourcesPage() {
  const admin = useCan('admin');
  const { data, error, reload } = useApi<SourceRow[]>('/api/sources', 5000);
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const act = async (work: () => Promise<{ name?: string; apiKey?: string }>, done: string) => {
    try {
      const r = await work();
      setMessage(r.apiKey ? `${r.name}’s key (shown once, copy it now): ${r.apiKey}` : done);
      reload();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  return (
    <>
      <h1>Sources</h1>
      {error && <p class="error">{error}</p>}
      {admin && (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => api('/api/sources', { method: 'POST', body: { name } }), 'added').then(() => setName(''));
          }}
        >
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} placeholder="new source name" aria-label="Source name" required />
          <button type="submit">Add source</button>
        </form>
      )}
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      <div class="table-wrap">
        <table data-testid="sources">
          <thead>
            <tr>
              <th>Source</th>
              <th>Last seen</th>
              <th>Submissions (1 h)</th>
              <th>Items (1 h)</th>
              <th>Dead letters (1 h / all)</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((s) => (
              <tr key={s.id}>
                <td>
                  {s.name}
                  <div class="muted small">{s.id}</div>
                </td>
                <td>
                  <Time at={s.lastSeenAt} />
                </td>
                <td>{s.submissionsLastHour}</td>
                <td>{s.itemsLastHour}</td>
                <td>
                  {s.deadLettersLastHour} / {s.deadLetters}
                </td>
                <td>{s.disabledAt ? <span class="down">disabled</span> : <span class="ok">active</span>}</td>
                <td>
                  <button
                    disabled={!admin || !!s.disabledAt}
                    title={admin ? '' : 'admins only'}
                    onClick={() => confirm(`Disable ${s.name}?`) && act(() => api(`/api/sources/${s.id}/disable`, { method: 'POST' }), `${s.name} disabled`)}
                  >
                    Disable
                  </button>{' '}
                  <button
                    disabled={!admin || !!s.disabledAt}
                    title={admin ? '' : 'admins only'}
                    onClick={() => confirm(`Give ${s.name} a new key?`) && act(() => api(`/api/sources/${s.id}/rotate`, { method: 'POST' }), 'rotated')}
                  >
                    Rotate key
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
