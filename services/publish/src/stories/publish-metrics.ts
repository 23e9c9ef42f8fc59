import { StoryVersionMessage } from '@copydesk/contracts';
import { counter, gauge, MetricFamilies } from '@copydesk/observability';
import { eventType } from '../events/cloud-event';

const events = counter(MetricFamilies.publishEvents);
const sseClients = gauge(MetricFamilies.publishSseClients);

/** Counts the versions a committed batch published, by their event type (`published[i]` for `versions[i]`). */
export function countPublished(versions: readonly StoryVersionMessage[], published: readonly boolean[]): void {
  versions.forEach((v, i) => {
    if (published[i]) events.inc({ type: eventType(v.kind) });
  });
}

/** A reader joined the SSE stream; returns the function to call when it leaves. */
export function sseClientJoined(): () => void {
  sseClients.inc();
  let left = false;
  return () => {
    if (left) return;
    left = true;
    sseClients.dec();
  };
}
