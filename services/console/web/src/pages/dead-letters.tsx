import { useState } from 'preact/hooks';
import { api, errorText, query } from '../api';
import { Headers, MessageView, Payload } from '../components/payload';
import { Time } from '../components/time-label';
import { useApi } from '../components/use-api';
import { useCan } from '../context';

interface Letter {
  partition: number;
  offset: string;
  at: string;
  stage: string;
  errorCode: string;
  errorMessage: string;
  errorDetails: unknown[];
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  attempts: number;
  sourceId: string | null;
  submissionId: string | null;
  replayOf: string | null;
  replay: { result: string; username: string; replayedAt: string; error: string | null } | null;
}

interface LetterList {
  total: number;
  groups: { stage: string; code: string; count: number }[];
  items: Letter[];
}

type Replayed = { replayed: number; alreadyReplayed: number; failed: number };

function Detail({ letter }: { letter: Letter }) {
  const { data, error } = useApi<Letter & { message: MessageView | null }>(`/api/dead-letters/${letter.partition}/${letter.offset}`);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="muted">Loading…</p>;
  return (
    <div class="detail" data-testid="dead-letter-detail">
      <p>
        {data.errorMessage} <span class="muted">({data.errorCode})</span>
      </p>
      {data.errorDetails.length > 0 && <pre class="small clip">{JSON.stringify(data.errorDetails, null, 2)}</pre>}
      {data.message ? (
        <>
          <Payload view={data.message.payload} />
          <details>
            <summary>Headers</summary>
            <Headers headers={data.message.headers} />
          </details>
        </>
      ) : (
        <p class="muted">The dead letter is no longer on the topic.</p>
      )}
    </div>
  );
}

export function DeadLettersPage() {
  const can = useCan('operator');
  const [stage, setStage] = useState('');
  const [code, setCode] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const { data, error, reload } = useApi<LetterList>(`/api/dead-letters${query({ stage, code, limit: 300 })}`, 3000);
  const replay = async (body: unknown) => {
    try {
      const r = await api<Replayed>('/api/dead-letters/replay', { method: 'POST', body });
      setMessage(`Replayed ${r.replayed}; ${r.alreadyReplayed} already replayed; ${r.failed} failed.`);
      reload();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const stages = [...new Set((data?.groups ?? []).map((g) => g.stage))];
  const codes = [...new Set((data?.groups ?? []).filter((g) => !stage || g.stage === stage).map((g) => g.code))];
  return (
    <>
      <h1>Dead letters</h1>
      {error && <p class="error">{error}</p>}
      <div class="chips" aria-label="By stage and code">
        {(data?.groups ?? []).map((g) => (
          <button
            key={`${g.stage}/${g.code}`}
            class={stage === g.stage && code === g.code ? 'chip on' : 'chip'}
            onClick={() => {
              setStage(g.stage);
              setCode(g.code);
            }}
          >
            {g.stage} · {g.code}: {g.count}
          </button>
        ))}
      </div>
      <div class="inline-form">
        <select value={stage} onChange={(e) => setStage(e.currentTarget.value)} aria-label="Stage">
          <option value="">every stage</option>
          {stages.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <select value={code} onChange={(e) => setCode(e.currentTarget.value)} aria-label="Code">
          <option value="">every code</option>
          {codes.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <span class="muted">{data?.total ?? 0} match</span>
        <button
          data-testid="replay-all"
          disabled={!can || !data?.total}
          title={can ? 'Replay every dead letter that matches' : 'operators only'}
          onClick={() => confirm(`Replay all ${data?.total} that match?`) && replay({ filter: { stage: stage || undefined, code: code || undefined } })}
        >
          Replay all that match
        </button>
      </div>
      {message && (
        <p class="notice" role="status" data-testid="replay-result">
          {message}
        </p>
      )}
      <div class="table-wrap">
        <table data-testid="dead-letters">
          <thead>
            <tr>
              <th>Failed</th>
              <th>Stage</th>
              <th>Code</th>
              <th>Message</th>
              <th>Original</th>
              <th>Attempts</th>
              <th>Replay</th>
            </tr>
          </thead>
          <tbody>
            {(data?.items ?? []).map((l) => {
              const id = `${l.partition}/${l.offset}`;
              return (
                <>
                  <tr key={id} data-testid="dead-letter" data-submission={l.submissionId ?? ''} data-attempts={l.attempts}>
                    <td>
                      <Time at={l.at} />
                    </td>
                    <td>{l.stage}</td>
                    <td>{l.errorCode}</td>
                    <td class="clip">
                      <button class="link" onClick={() => setOpen(open === id ? null : id)} aria-expanded={open === id}>
                        {l.errorMessage || '(no message)'}
                      </button>
                    </td>
                    <td class="small">
                      {l.originalTopic}/{l.originalPartition}/{l.originalOffset}
                      {l.replayOf && <div class="muted">replay of {l.replayOf}</div>}
                    </td>
                    <td data-testid="attempts">{l.attempts}</td>
                    <td>
                      {l.replay ? (
                        <span class={l.replay.result === 'replayed' ? 'ok' : 'down'}>
                          {l.replay.result} by {l.replay.username}
                        </span>
                      ) : (
                        <button
                          data-testid="replay"
                          disabled={!can}
                          title={can ? 'Replay to the original topic' : 'operators only'}
                          onClick={() => replay({ letters: [{ partition: l.partition, offset: l.offset }] })}
                        >
                          Replay
                        </button>
                      )}
                    </td>
                  </tr>
                  {open === id && (
                    <tr key={`${id}-detail`}>
                      <td colSpan={7}>
                        <Detail letter={l} />
                      </td>
                    </tr>
                  )}
                </>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
