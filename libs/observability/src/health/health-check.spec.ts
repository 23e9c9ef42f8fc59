import { runChecks } from './health-check';

describe('runChecks', () => {
  it('reports each check up or down with its error', async () => {
    const results = await runChecks([
      { name: 'database', check: async () => undefined },
      { name: 'kafka', check: async () => Promise.reject(new Error('connection refused')) },
    ]);
    expect(results.map((r) => [r.name, r.status, r.error])).toEqual([
      ['database', 'up', undefined],
      ['kafka', 'down', 'connection refused'],
    ]);
  });

  it('marks a check that never answers as down', async () => {
    const [result] = await runChecks([{ name: 'hangs', check: () => new Promise(() => undefined) }], 20);
    expect(result).toMatchObject({ name: 'hangs', status: 'down', error: 'no answer within 20 ms' });
  });
});
