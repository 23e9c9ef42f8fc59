import { ShutdownPhase, ShutdownSequence } from './shutdown-sequence';

describe('ShutdownSequence', () => {
  it('closes phase by phase whatever the order of registration, and goes on past a failing step', async () => {
    const sequence = new ShutdownSequence();
    const closed: string[] = [];
    const step = (name: string) => async () => {
      closed.push(name);
    };
    sequence.register(ShutdownPhase.Pool, 'pool', step('pool'));
    sequence.register(ShutdownPhase.Producers, 'publisher', step('publisher'));
    sequence.register(ShutdownPhase.Relays, 'relay', async () => {
      closed.push('relay');
      throw new Error('broker gone');
    });
    sequence.register(ShutdownPhase.Connections, 'admin', step('admin'));
    sequence.register(ShutdownPhase.Relays, 'second relay', step('second relay'));

    await sequence.onApplicationShutdown();
    expect(closed).toEqual(['relay', 'second relay', 'publisher', 'admin', 'pool']);
  });

  it('runs the steps once when asked twice', async () => {
    const sequence = new ShutdownSequence();
    let runs = 0;
    sequence.register(ShutdownPhase.Pool, 'pool', async () => {
      runs++;
    });
    await Promise.all([sequence.onApplicationShutdown(), sequence.onApplicationShutdown()]);
    expect(runs).toBe(1);
  });
});
