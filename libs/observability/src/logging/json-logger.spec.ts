import { JsonLogger } from './json-logger';
import { withLogContext } from './log-context';

describe('JsonLogger', () => {
  function capture(level?: 'debug' | 'info') {
    const lines: Record<string, unknown>[] = [];
    const logger = new JsonLogger({ service: 'test', level, write: (l) => lines.push(JSON.parse(l)) });
    return { logger, lines };
  }

  it('writes one JSON object a line with the context class and fields', () => {
    const { logger, lines } = capture();
    logger.log({ msg: 'submission accepted', submissionId: 's1' }, 'WireController');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', service: 'test', context: 'WireController', msg: 'submission accepted', submissionId: 's1' }),
    ]);
  });

  it('adds the ids of the current log context', () => {
    const { logger, lines } = capture();
    withLogContext({ storyId: 'st1' }, () => logger.warn('slow'));
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'slow', storyId: 'st1' });
  });

  it('drops lines below the level and serialises errors', () => {
    const { logger, lines } = capture('info');
    logger.debug('hidden');
    logger.error(new Error('boom'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'boom', err: { name: 'Error', message: 'boom' } });
  });
});
