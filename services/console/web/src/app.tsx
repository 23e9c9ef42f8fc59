import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure, errorText, setCsrfToken } from './api';
import { Ctx, Session } from './context';
import { usePref, useRoute } from './prefs';
import { AlertsPage } from './pages/alerts';
import { AuditPage } from './pages/audit';
import { DeadLettersPage } from './pages/dead-letters';
import { GroupsPage } from './pages/groups';
import { LineagePage } from './pages/lineage';
import { MessagesPage } from './pages/messages';
import { PipelinePage } from './pages/pipeline';
import { SourcesPage } from './pages/sources';
import { TopicsPage } from './pages/topics';
import { UsersPage } from './pages/users';

const PAGES = [
  ['pipeline', 'Pipeline'],
  ['topics', 'Topics'],
  ['groups', 'Groups'],
  ['messages', 'Messages'],
  ['dead-letters', 'Dead letters'],
  ['lineage', 'Lineage'],
  ['sources', 'Sources'],
  ['alerts', 'Alerts'],
  ['audit', 'Audit'],
  ['users', 'Users'],
] as const;

function Login({ onLogin }: { onLogin: (s: Session) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    try {
      onLogin(await api<Session>('/api/session', { method: 'POST', body: { username, password } }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <main class="login">
      <form onSubmit={submit} aria-label="Log in">
        <h1>Copydesk console</h1>
        <label>
          Username
          <input name="username" autoComplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} required />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
          />
        </label>
        <button type="submit">Log in</button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}

function Page({ route }: { route: string[] }) {
  const [page, ...rest] = route;
  switch (page) {
    case 'topics':
      return <TopicsPage />;
    case 'groups':
      return <GroupsPage groupId={rest[0]} />;
    case 'messages':
      return <MessagesPage />;
    case 'dead-letters':
      return <DeadLettersPage />;
    case 'lineage':
      return <LineagePage storyId={rest[0]} />;
    case 'sources':
      return <SourcesPage />;
    case 'alerts':
      return <AlertsPage />;
    case 'audit':
      return <AuditPage />;
    case 'users':
      return <UsersPage />;
    default:
      return <PipelinePage />;
  }
}

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [theme, setTheme] = usePref<'light' | 'dark'>('copydesk-theme', matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const [timeZone, setTimeZone] = usePref<'utc' | 'local'>('copydesk-zone', 'utc');
  const [menuOpen, setMenuOpen] = useState(false);
  const route = useRoute();

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    api<Session>('/api/session').then(
      (s) => login(s),
      (e) => (e instanceof ApiFailure && e.status === 401 ? setSession(null) : setSession(null)),
    );
  }, []);
  useEffect(() => setMenuOpen(false), [route.join('/')]);

  function login(s: Session) {
    setCsrfToken(s.csrfToken);
    setSession(s);
  }
  async function logout() {
    await api('/api/session', { method: 'DELETE' }).catch(() => undefined);
    setSession(null);
  }

  if (session === undefined) return <p class="muted pad">Loading…</p>;
  if (session === null) return <Login onLogin={login} />;
  const current = route[0] ?? 'pipeline';
  return (
    <Ctx.Provider value={{ session, timeZone }}>
      <header class="top">
        <a class="brand" href="#/pipeline">
          Copydesk
        </a>
        <button class="menu-toggle" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen(!menuOpen)}>
          Menu
        </button>
        <nav id="nav" class={menuOpen ? 'open' : ''}>
          {PAGES.map(([id, label]) => (
            <a key={id} href={`#/${id}`} aria-current={current === id ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <div class="toolbar">
          <button data-testid="zone-toggle" onClick={() => setTimeZone(timeZone === 'utc' ? 'local' : 'utc')} title="Show times in UTC or local time">
            {timeZone === 'utc' ? 'UTC' : 'Local'}
          </button>
          <button data-testid="theme-toggle" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-pressed={theme === 'dark'}>
            {theme === 'dark' ? 'Light' : 'Dark'}
          </button>
          <span class="who" data-testid="who">
            {session.username} ({session.role})
          </span>
          <button onClick={logout}>Log out</button>
        </div>
      </header>
      <main class="content">
        <Page route={route} />
      </main>
    </Ctx.Provider>
  );
}
