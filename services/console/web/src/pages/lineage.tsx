import { useState } from 'preact/hooks';
import { api, errorText, query } from '../api';
import { Time, UpdatedLabel } from '../components/time-label';
import { useApi } from '../components/use-api';

interface Story {
  id: string;
  headline: string;
  version: number;
  kind: string;
  pubStatus: string;
  updatedAt: string;
  sourceId: string;
  submissionId: string;
}

interface Where {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
}

interface Lineage {
  story: Story;
  submissions: { submissionId: string; raw: Where | null }[];
  items: {
    itemId: string;
    submissionId: string;
    normalised: Where | null;
    decision: Record<string, unknown> & { outcome: string; version: number | null; decidedAt: string };
  }[];
  versions: {
    version: number;
    kind: string;
    eventType: string;
    pubStatus: string;
    current: boolean;
    publishedAt: string;
    updatedAt: string;
    eventId: string;
    match: Record<string, unknown>;
    event: Where | null;
  }[];
}

interface Segment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

function Place({ at }: { at: Where | null }) {
  if (!at) return <span class="muted">not found on the topic (older than its retention, or outside the search window)</span>;
  return (
    <span class="place">
      {at.topic} / partition {at.partition} / offset {at.offset}
    </span>
  );
}

function Decision({ d }: { d: Record<string, unknown> }) {
  const { outcome, version, decidedAt, basis, rule, reason, ...rest } = d;
  return (
    <dl class="decision" data-testid="decision">
      <dt>Outcome</dt>
      <dd data-testid="decision-outcome">
        {String(outcome)}
        {version ? ` (version ${version})` : ''}
      </dd>
      <dt>Basis</dt>
      <dd data-testid="decision-basis">{String(basis ?? '—')}</dd>
      <dt>Rule</dt>
      <dd>{String(rule ?? '—')}</dd>
      <dt>Scores</dt>
      <dd>
        <code class="small">{JSON.stringify(rest)}</code>
      </dd>
      <dt>Reason</dt>
      <dd data-testid="decision-reason">{String(reason ?? '—')}</dd>
      <dt>Decided</dt>
      <dd>
        <Time at={String(decidedAt)} />
      </dd>
    </dl>
  );
}

function Diff({ storyId, versions }: { storyId: string; versions: number[] }) {
  const [from, setFrom] = useState(versions[0] ?? 1);
  const [to, setTo] = useState(versions[versions.length - 1] ?? 1);
  const [diff, setDiff] = useState<{ headline: Segment[]; summary: Segment[]; body: Segment[] } | null>(null);
  const [error, setError] = useState('');
  const show = async () => {
    try {
      setDiff(await api(`/api/lineage/stories/${storyId}/diff${query({ from, to })}`));
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section>
      <h2>Diff</h2>
      <div class="inline-form">
        <select value={from} onChange={(e) => setFrom(Number(e.currentTarget.value))} aria-label="From version">
          {versions.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
        →
        <select value={to} onChange={(e) => setTo(Number(e.currentTarget.value))} aria-label="To version">
          {versions.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
        <button onClick={show}>Show diff</button>
      </div>
      {error && <p class="error">{error}</p>}
      {diff &&
        (['headline', 'summary', 'body'] as const).map((part) => (
          <div key={part}>
            <h3>{part}</h3>
            <p class="diff">
              {diff[part].map((s, i) => (
                <span key={i} class={`diff-${s.op}`}>
                  {s.text}
                </span>
              ))}
            </p>
          </div>
        ))}
    </section>
  );
}

function StoryLineage({ id }: { id: string }) {
  const { data, error } = useApi<Lineage>(`/api/lineage/stories/${encodeURIComponent(id)}`);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="muted">Tracing the story…</p>;
  return (
    <article data-testid="lineage">
      <h1 data-testid="story-headline">{data.story.headline}</h1>
      <p>
        <UpdatedLabel at={data.story.updatedAt} /> · version {data.story.version} · {data.story.pubStatus} · <code class="small">{data.story.id}</code>
      </p>
      <ol class="lineage">
        {data.submissions.map((s) => (
          <li key={s.submissionId}>
            <h2>Submission</h2>
            <code class="small">{s.submissionId}</code> → raw message <Place at={s.raw} />
          </li>
        ))}
        {data.items.map((i) => (
          <li key={i.itemId}>
            <h2>Normalised item</h2>
            <code class="small">{i.itemId}</code> → <Place at={i.normalised} />
            <h3>Dedupe decision</h3>
            <Decision d={i.decision} />
          </li>
        ))}
        {data.versions.map((v) => (
          <li key={v.version} data-testid="version">
            <h2>
              Version {v.version} <span class="badge">{v.kind}</span> {v.current && <span class="badge ok">current</span>}
            </h2>
            <p>
              {v.eventType} · {v.pubStatus} · published <Time at={v.publishedAt} /> · event <Place at={v.event} />
            </p>
            <p class="small">
              Matched: <code>{JSON.stringify(v.match)}</code>
            </p>
          </li>
        ))}
      </ol>
      <Diff storyId={data.story.id} versions={data.versions.map((v) => v.version)} />
    </article>
  );
}

export function LineagePage({ storyId }: { storyId?: string }) {
  const [q, setQ] = useState('');
  const [result, setResult] = useState<{ matchedBy: string; stories: Story[] } | null>(null);
  const [error, setError] = useState('');
  const search = async (e: Event) => {
    e.preventDefault();
    try {
      setResult(await api(`/api/lineage/search${query({ q })}`));
      setError('');
    } catch (err) {
      setError(errorText(err));
    }
  };
  if (storyId) return <StoryLineage id={storyId} />;
  return (
    <>
      <h1>Story lineage</h1>
      <form class="inline-form" onSubmit={search} role="search">
        <input
          name="q"
          value={q}
          onInput={(e) => setQ(e.currentTarget.value)}
          placeholder="story id, submission id, source id or headline words"
          aria-label="Find a story"
          required
        />
        <button type="submit">Find</button>
      </form>
      {error && <p class="error">{error}</p>}
      {result && (
        <>
          <p class="muted">
            {result.stories.length} found by {result.matchedBy}
          </p>
          <ul class="results" data-testid="lineage-results">
            {result.stories.map((s) => (
              <li key={s.id}>
                <a href={`#/lineage/${s.id}`}>{s.headline}</a> <UpdatedLabel at={s.updatedAt} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
