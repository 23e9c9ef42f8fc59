export type PayloadView =
  | { kind: 'raw-submission'; contentType: string | null; charset: string; text: string; truncated: boolean }
  | { kind: 'normalised-item' | 'story-version' | 'ninjs-event'; json: unknown; valid: boolean; error?: string }
  | { kind: 'hex'; hex: string; truncated: boolean; error?: string }
  | { kind: 'empty' };

export interface MessageView {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  key: string | null;
  headers: Record<string, string>;
  size: number;
  payload: PayloadView;
}

function hexDump(hex: string): string {
  const lines: string[] = [];
  for (let i = 0; i < hex.length; i += 32) {
    const chunk = hex.slice(i, i + 32);
    const bytes = chunk.match(/../g) ?? [];
    const ascii = bytes.map((b) => {
      const c = parseInt(b, 16);
      return c >= 32 && c < 127 ? String.fromCharCode(c) : '.';
    });
    lines.push(`${(i / 2).toString(16).padStart(8, '0')}  ${bytes.join(' ').padEnd(47)}  ${ascii.join('')}`);
  }
  return lines.join('\n');
}

/** A payload as what it is. Wire copy is text: Preact sets it as text, so markup in it shows literally and runs nothing. */
export function Payload({ view }: { view: PayloadView }) {
  switch (view.kind) {
    case 'empty':
      return <p class="muted">No payload.</p>;
    case 'raw-submission':
      return (
        <div data-testid="payload" data-kind={view.kind}>
          <p class="muted small">
            Raw submission, {view.contentType ?? 'no content type'}, read as {view.charset}
            {view.truncated ? ' (cut)' : ''}
          </p>
          <pre class="payload">{view.text}</pre>
        </div>
      );
    case 'hex':
      return (
        <div data-testid="payload" data-kind="hex">
          <p class="muted small">
            Bytes{view.truncated ? ' (first 4 KiB)' : ''}
            {view.error ? ` — ${view.error}` : ''}
          </p>
          <pre class="payload">{hexDump(view.hex)}</pre>
        </div>
      );
    case 'normalised-item':
    case 'story-version':
    case 'ninjs-event':
      return (
        <div data-testid="payload" data-kind={view.kind}>
          <p class="muted small">
            {view.kind.replace('-', ' ')}
            {view.valid ? ', matches its contract' : ` — does not match its contract: ${view.error}`}
          </p>
          <pre class="payload">{JSON.stringify(view.json, null, 2)}</pre>
        </div>
      );
  }
}

export function Headers({ headers }: { headers: Record<string, string> }) {
  return (
    <dl class="headers small">
      {Object.entries(headers).map(([k, v]) => (
        <>
          <dt key={`k${k}`}>{k}</dt>
          <dd key={`v${k}`}>{v}</dd>
        </>
      ))}
    </dl>
  );
}
