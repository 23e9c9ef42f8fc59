import { quietNegativeTimeoutWarnings } from './kafkajs-client';

describe('quietNegativeTimeoutWarnings', () => {
  it("drops Node's warning about kafkajs's negative timer delays, and only that warning, however often it is applied", () => {
    const emitted: unknown[][] = [];
    const target = { emitWarning: (...args: unknown[]) => void emitted.push(args) };
    quietNegativeTimeoutWarnings(target);
    quietNegativeTimeoutWarnings(target);
    target.emitWarning('-1796134739946 is a negative number.\nTimeout duration was set to 1.', 'TimeoutNegativeWarning');
    target.emitWarning('a negative timeout', { type: 'TimeoutNegativeWarning' });
    target.emitWarning('something else', 'DeprecationWarning', 'DEP0001');
    target.emitWarning('also something else', { type: 'ExperimentalWarning' });
    expect(emitted).toEqual([
      ['something else', 'DeprecationWarning', 'DEP0001'],
      ['also something else', { type: 'ExperimentalWarning' }],
    ]);
  });
});
