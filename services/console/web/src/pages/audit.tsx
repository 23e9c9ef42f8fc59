import { Time } from '../components/time-label';
import { useApi } from '../components/use-api';

interface AuditRow {
  id: string;
  at: string;
  username: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  result: string;
  status: number;
}

export function AuditPage() {
  const { data, error } = useApi<AuditRow[]>('/api/audit?limit=300', 3000);
  return (
    <>
      <h1>Audit</h1>
      <p class="muted">Every write made in the console: who, when, what, and the result.</p>
      {error && <p class="error">{error}</p>}
      <div class="table-wrap">
        <table data-testid="audit">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>Target</th>
              <th>Result</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((a) => (
              <tr key={a.id} data-action={a.action}>
                <td>
                  <Time at={a.at} />
                </td>
                <td>{a.username}</td>
                <td>{a.action}</td>
                <td>{a.target}</td>
                <td class={a.result === 'ok' ? 'ok' : 'down'}>
                  {a.result} ({a.status})
                </td>
                <td>
                  <pre class="small clip">{JSON.stringify(a.details)}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
