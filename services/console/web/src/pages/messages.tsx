import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorText, query } from '../api';
import { Headers, MessageView, Payload } from '../components/payload';
import { Time } from '../components/time-label';

const TOPICS = ['wire.raw.v1', 'wire.normalised.v1', 'story.versions.v1', 'story.published.v1', 'story.latest.v1', 'wire.dlq.v1'];
const SHOWN = 500;

function Message({ m }: { m: MessageView }) {
  return (
    <li class="message" data-testid="message" data-timestamp={m.timestamp} data-submission={m.headers['copydesk-submission-id'] ?? ''}>
      <details>
        <summary>
          <span class="place">
            {m.topic}/{m.partition}/{m.offset}
          </span>{' '}
          <Time at={m.timestamp} /> · key {m.key ?? '—'} · {m.size} bytes · {m.payload.kind}
        </summary>
        <Headers headers={m.headers} />
        <Payload view={m.payload} />
      </details>
    </li>
  );
}

function initialTopic(): string {
  const t = new URLSearchParams(location.hash.split('?')[1] ?? '').get('topic');
  return t && TOPICS.includes(t) ? t : TOPICS[0];
}

export function MessagesPage() {
  const [topic, setTopic] = useState(initialTopic);
  const [f, setF] = useState({ partition: '', offset: '', time: '', key: '', submission: '', item: '', story: '', source: '' });
  const [items, setItems] = useState<MessageView[]>([]);
  const [error, setError] = useState('');
  const [tailing, setTailing] = useState(false);
  const [tailState, setTailState] = useState('');
  const [shown, setShown] = useState(SHOWN);
  const pending = useRef<MessageView[]>([]);
  const sourceRef = useRef<EventSource | null>(null);

  const filters = { key: f.key, submission: f.submission, item: f.item, story: f.story, source: f.source };
  const browse = async (e?: Event) => {
    e?.preventDefault();
    try {
      const time = f.time ? new Date(f.time).toISOString() : undefined;
      const r = await api<{ items: MessageView[] }>(`/api/messages${query({ topic, partition: f.partition, offset: f.offset, time, limit: 100, ...filters })}`);
      setItems(r.items);
      setError('');
    } catch (err) {
      setError(errorText(err));
    }
  };

  // Messages that arrive in a burst are gathered and shown together; none is dropped.
  useEffect(() => {
    const t = setInterval(() => {
      if (pending.current.length === 0) return;
      const batch = pending.current.reverse();
      pending.current = [];
      setItems((old) => [...batch, ...old]);
    }, 250);
    return () => clearInterval(t);
  }, []);
  useEffect(() => () => sourceRef.current?.close(), []);

  const startTail = () => {
    setItems([]);
    setShown(SHOWN);
    const source = new EventSource(`/api/messages/tail${query({ topic, ...filters })}`);
    sourceRef.current = source;
    setTailing(true);
    setTailState('connecting');
    source.addEventListener('ready', () => setTailState('live'));
    source.addEventListener('message', (e) => pending.current.push(JSON.parse((e as MessageEvent).data)));
    source.addEventListener('error', () => setTailState('reconnecting'));
  };
  const stopTail = () => {
    sourceRef.current?.close();
    sourceRef.current = null;
    setTailing(false);
    setTailState('stopped');
  };
  const field = (name: keyof typeof f, label: string, type = 'text') => (
    <label class="field">
      {label}
      <input type={type} value={f[name]} onInput={(e) => setF({ ...f, [name]: e.currentTarget.value })} name={name} />
    </label>
  );

  return (
    <>
      <h1>Messages</h1>
      <form class="filters" onSubmit={browse}>
        <label class="field">
          Topic
          <select value={topic} onChange={(e) => setTopic(e.currentTarget.value)} name="topic" disabled={tailing}>
            {TOPICS.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        {field('partition', 'Partition', 'number')}
        {field('offset', 'Offset')}
        {field('time', 'From time', 'datetime-local')}
        {field('key', 'Key')}
        {field('submission', 'Submission id')}
        {field('item', 'Item id')}
        {field('story', 'Story id')}
        {field('source', 'Source id')}
        <div class="buttons">
          <button type="submit" disabled={tailing}>
            Read
          </button>
          {tailing ? (
            <button type="button" onClick={stopTail} data-testid="tail-stop">
              Stop tail
            </button>
          ) : (
            <button type="button" onClick={startTail} data-testid="tail-start">
              Live tail
            </button>
          )}
          {tailState && <span class="badge">{tailState}</span>}
        </div>
      </form>
      {error && <p class="error">{error}</p>}
      <p class="muted" data-testid="message-count">
        {items.length} messages{tailing || tailState === 'stopped' ? ' (newest on top)' : ''}
      </p>
      <ul class="messages">
        {items.slice(0, shown).map((m) => (
          <Message key={`${m.topic}/${m.partition}/${m.offset}`} m={m} />
        ))}
      </ul>
      {items.length > shown && <button onClick={() => setShown(shown + SHOWN)}>Show {Math.min(SHOWN, items.length - shown)} more</button>}
    </>
  );
}
