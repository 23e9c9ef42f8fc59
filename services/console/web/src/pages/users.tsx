import { useState } from 'preact/hooks';
import { api, errorText } from '../api';
import { Time } from '../components/time-label';
import { useApi } from '../components/use-api';
import { useCan } from '../context';

interface UserRow {
  username: string;
  role: string;
  createdAt: string;
  disabledAt: string | null;
}

export function UsersPage() {
  const admin = useCan('admin');
  const { data, error, reload } = useApi<UserRow[]>(admin ? '/api/users' : null);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState('viewer');
  const [message, setMessage] = useState('');
  if (!admin) return <p class="muted">Only admins manage users.</p>;
  const add = async (e: Event) => {
    e.preventDefault();
    try {
      const r = await api<{ username: string; password: string }>('/api/users', { method: 'POST', body: { username, role } });
      setMessage(`${r.username}’s password (shown once): ${r.password}`);
      setUsername('');
      reload();
    } catch (err) {
      setMessage(errorText(err));
    }
  };
  const change = async (u: string, body: Record<string, unknown>) => {
    try {
      const r = await api<{ password?: string }>(`/api/users/${encodeURIComponent(u)}`, { method: 'PATCH', body });
      setMessage(r.password ? `${u}’s new password (shown once): ${r.password}` : `${u} changed`);
      reload();
    } catch (err) {
      setMessage(errorText(err));
    }
  };
  return (
    <>
      <h1>Users</h1>
      {error && <p class="error">{error}</p>}
      <form class="inline-form" onSubmit={add}>
        <input placeholder="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} required aria-label="Username" />
        <select value={role} onChange={(e) => setRole(e.currentTarget.value)} aria-label="Role">
          <option>viewer</option>
          <option>operator</option>
          <option>admin</option>
        </select>
        <button type="submit">Add user</button>
      </form>
      {message && <p class="notice">{message}</p>}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>User</th>
              <th>Role</th>
              <th>Created</th>
              <th>Disabled</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((u) => (
              <tr key={u.username}>
                <td>{u.username}</td>
                <td>
                  <select value={u.role} onChange={(e) => change(u.username, { role: e.currentTarget.value })} aria-label={`Role of ${u.username}`}>
                    <option>viewer</option>
                    <option>operator</option>
                    <option>admin</option>
                  </select>
                </td>
                <td>
                  <Time at={u.createdAt} />
                </td>
                <td>
                  <Time at={u.disabledAt} />
                </td>
                <td>
                  <button onClick={() => change(u.username, { disabled: !u.disabledAt })}>{u.disabledAt ? 'Enable' : 'Disable'}</button>{' '}
                  <button onClick={() => change(u.username, { resetPassword: true })}>New password</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
