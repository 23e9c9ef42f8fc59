/** What the relay last saw of its producer: when sending started failing, and why. */
export interface RelayFailure {
  since: Date;
  error: string;
}

/**
 * The relay's readiness: `undefined` while sending works, else the sentence `/health/ready`
 * shows — sending has failed since when, for how long, and the last error.
 */
export function relayProblem(failure: RelayFailure | undefined, now: Date): string | undefined {
  if (!failure) return undefined;
  const seconds = Math.max(0, Math.round((now.getTime() - failure.since.getTime()) / 1000));
  return `sending has failed since ${failure.since.toISOString()} (${seconds} s): ${failure.error}`;
}
