import { formatUpdatedLabel } from '@copydesk/updated-label';
import { useConsole } from '../context';
import { useNow } from '../prefs';

/** An absolute time in the chosen zone: "2025-03-21 10:00:00 UTC" or local. */
export function absoluteTime(iso: string, zone: 'utc' | 'local'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (zone === 'utc') return `${d.toISOString().replace('T', ' ').slice(0, 19)} UTC`;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} local`;
}

/** "Updated 7 min 35 sec ago", ticking, beside the absolute time. */
export function UpdatedLabel({ at }: { at: string | null | undefined }) {
  const { timeZone } = useConsole();
  const now = useNow();
  if (!at) return <span class="muted">—</span>;
  return (
    <span class="updated" data-testid="updated-label">
      <span class="updated-ago">
        {formatUpdatedLabel(new Date(at), now, { timeZone: timeZone === 'utc' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone })}
      </span>{' '}
      <time class="muted" dateTime={at}>
        {absoluteTime(at, timeZone)}
      </time>
    </span>
  );
}

export function Time({ at }: { at: string | null | undefined }) {
  const { timeZone } = useConsole();
  return at ? <time dateTime={at}>{absoluteTime(at, timeZone)}</time> : <span class="muted">—</span>;
}
