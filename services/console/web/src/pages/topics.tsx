import { useApi } from '../components/use-api';

interface TopicRow {
  name: string;
  description: string;
  partitions: number;
  retentionMs: number | null;
  cleanupPolicy: string | null;
  messages: number;
  watermarks: { partition: number; low: string; high: string }[];
  rate: number;
  groups: { groupId: string; state: string; members: number; lag: number }[];
}

function retention(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 0) return 'forever';
  const days = ms / 86_400_000;
  return days >= 1 ? `${+days.toFixed(1)} d` : `${+(ms / 3_600_000).toFixed(1)} h`;
}

export function TopicsPage() {
  const { data, error } = useApi<TopicRow[]>('/api/topics', 2000);
  return (
    <>
      <h1>Topics</h1>
      {error && <p class="error">{error}</p>}
      <div class="table-wrap">
        <table data-testid="topics">
          <thead>
            <tr>
              <th>Topic</th>
              <th>Partitions</th>
              <th>Retention</th>
              <th>Cleanup</th>
              <th>Messages</th>
              <th>Produce rate</th>
              <th>Watermarks (low–high)</th>
              <th>Groups reading (lag)</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((t) => (
              <tr key={t.name}>
                <td>
                  <a href={`#/messages?topic=${encodeURIComponent(t.name)}`}>{t.name}</a>
                  <div class="muted small">{t.description}</div>
                </td>
                <td>{t.partitions}</td>
                <td>{retention(t.retentionMs)}</td>
                <td>{t.cleanupPolicy ?? '—'}</td>
                <td>{t.messages}</td>
                <td>{t.rate.toFixed(2)}/s</td>
                <td class="small">
                  {t.watermarks.map((w) => (
                    <div key={w.partition}>
                      p{w.partition}: {w.low}–{w.high}
                    </div>
                  ))}
                </td>
                <td class="small">
                  {t.groups.length === 0 && <span class="muted">none</span>}
                  {t.groups.map((g) => (
                    <div key={g.groupId}>
                      <a href={`#/groups/${encodeURIComponent(g.groupId)}`}>{g.groupId}</a> {g.lag} ({g.state}, {g.members} members)
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
