import { useState } from 'preact/hooks';
import { api, errorText } from '../api';
import { useApi } from '../components/use-api';
import { useCan } from '../context';
import { seconds } from './pipeline';

interface GroupRow {
  groupId: string;
  state: string;
  members: number;
  topics: { topic: string; lag: number }[];
}

interface GroupDetail {
  groupId: string;
  state: string;
  members: { memberId: string; clientId: string; clientHost: string; assignment: Record<string, number[]> }[];
  topics: {
    topic: string;
    lag: number;
    partitions: { partition: number; committed: string | null; low: string; high: string; lag: number; lagSeconds: number | null }[];
  }[];
}

function Reset({ group, onDone }: { group: GroupDetail; onDone: () => void }) {
  const can = useCan('operator');
  const [topic, setTopic] = useState(group.topics[0]?.topic ?? '');
  const [to, setTo] = useState('latest');
  const [time, setTime] = useState('');
  const [message, setMessage] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!confirm(`Reset ${group.groupId} on ${topic} to ${to}?`)) return;
    try {
      await api(`/api/groups/${encodeURIComponent(group.groupId)}/reset`, {
        method: 'POST',
        body: { topic, to, ...(to === 'time' ? { time: new Date(time).toISOString() } : {}) },
      });
      setMessage('Offsets reset (recorded in the audit).');
      onDone();
    } catch (err) {
      setMessage(errorText(err));
    }
  };
  return (
    <form class="inline-form" onSubmit={submit}>
      <h2>Reset offsets</h2>
      <select value={topic} onChange={(e) => setTopic(e.currentTarget.value)} aria-label="Topic">
        {group.topics.map((t) => (
          <option key={t.topic}>{t.topic}</option>
        ))}
      </select>
      <select value={to} onChange={(e) => setTo(e.currentTarget.value)} aria-label="To">
        <option value="earliest">earliest</option>
        <option value="latest">latest</option>
        <option value="time">time</option>
      </select>
      {to === 'time' && <input type="datetime-local" value={time} onInput={(e) => setTime(e.currentTarget.value)} aria-label="Time" required />}
      <button
        type="submit"
        disabled={!can || group.members.length > 0}
        title={!can ? 'operators only' : group.members.length > 0 ? 'stop the group’s members first' : ''}
      >
        Reset
      </button>
      {message && <p>{message}</p>}
    </form>
  );
}

function Group({ groupId }: { groupId: string }) {
  const { data, error, reload } = useApi<GroupDetail>(`/api/groups/${encodeURIComponent(groupId)}`, 5000);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="muted">Loading…</p>;
  return (
    <>
      <h1>
        Group {data.groupId} <span class="badge">{data.state}</span>
      </h1>
      <h2>Members</h2>
      {data.members.length === 0 && <p class="muted">No members.</p>}
      <ul>
        {data.members.map((m) => (
          <li key={m.memberId}>
            {m.clientId} @ {m.clientHost}:{' '}
            {Object.entries(m.assignment)
              .map(([t, ps]) => `${t} [${ps.join(', ')}]`)
              .join('; ')}
          </li>
        ))}
      </ul>
      {data.topics.map((t) => (
        <div key={t.topic} class="table-wrap">
          <h2>
            {t.topic}: lag {t.lag}
          </h2>
          <table>
            <thead>
              <tr>
                <th>Partition</th>
                <th>Committed</th>
                <th>Low</th>
                <th>High</th>
                <th>Lag (msgs)</th>
                <th>Lag (age)</th>
              </tr>
            </thead>
            <tbody>
              {t.partitions.map((p) => (
                <tr key={p.partition}>
                  <td>{p.partition}</td>
                  <td>{p.committed ?? '—'}</td>
                  <td>{p.low}</td>
                  <td>{p.high}</td>
                  <td>{p.lag}</td>
                  <td>{seconds(p.lagSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <Reset group={data} onDone={reload} />
    </>
  );
}

export function GroupsPage({ groupId }: { groupId?: string }) {
  const { data, error } = useApi<GroupRow[]>('/api/groups', 2000);
  if (groupId) return <Group groupId={groupId} />;
  return (
    <>
      <h1>Consumer groups</h1>
      {error && <p class="error">{error}</p>}
      <div class="table-wrap">
        <table data-testid="groups">
          <thead>
            <tr>
              <th>Group</th>
              <th>State</th>
              <th>Members</th>
              <th>Lag per topic</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((g) => (
              <tr key={g.groupId}>
                <td>
                  <a href={`#/groups/${encodeURIComponent(g.groupId)}`}>{g.groupId}</a>
                </td>
                <td>{g.state}</td>
                <td>{g.members}</td>
                <td>{g.topics.map((t) => `${t.topic}: ${t.lag}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
