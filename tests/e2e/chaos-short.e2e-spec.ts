import { runChaos } from '../chaos/chaos-run';

jest.setTimeout(600_000);

/**
 * The fault suite, short: a few hundred items while every stage is killed, the broker is
 * killed, and PostgreSQL is down for a few seconds with a stage restarted meanwhile. The full
 * run (10,000 items, a 30-second outage) is `npm run chaos`.
 */
describe('faults while copy flows (short fault suite)', () => {
  it('turns every 202 into exactly one published event, dead-letters nothing, and every stage takes up its work again', async () => {
    const report = await runChaos({ items: 600, rate: 10, outageMs: 8000, basePort: 25500, name: 'chaos-short' });
    expect(report.items).toBeGreaterThanOrEqual(600);
    expect(report.accepted).toBe(report.items);
    expect({ lost: report.lost, duplicates: report.duplicates, deadLetters: report.deadLetters }).toEqual({ lost: 0, duplicates: 0, deadLetters: 0 });
    expect(report.published).toBe(report.accepted);
    expect(report.faults.map((f) => f.fault)).toEqual([
      'SIGKILL normalise',
      'SIGKILL dedupe',
      'SIGKILL publish',
      'SIGKILL ingest',
      'SIGKILL broker',
      'PostgreSQL down 8 s',
      'SIGKILL dedupe during the outage',
    ]);
    expect(report.faults.filter((f) => f.recoveryS === null)).toEqual([]);
  });
});
