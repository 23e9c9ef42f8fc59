import { relayProblem } from './relay-health';

describe('relayProblem', () => {
  it('is nothing while sending works', () => {
    expect(relayProblem(undefined, new Date())).toBeUndefined();
  });

  it('names when sending started failing, for how long, and the last error', () => {
    const since = new Date('2026-03-01T10:00:00.000Z');
    expect(relayProblem({ since, error: 'Connection error: connect ECONNREFUSED 127.0.0.1:9092' }, new Date('2026-03-01T10:00:42.400Z'))).toBe(
      'sending has failed since 2026-03-01T10:00:00.000Z (42 s): Connection error: connect ECONNREFUSED 127.0.0.1:9092',
    );
  });
});
