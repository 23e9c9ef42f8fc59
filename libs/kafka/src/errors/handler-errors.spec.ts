import { describeFailure, InfrastructureError, PermanentError } from './handler-errors';

function pgError(code: string, message = 'pg said no'): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR' });
}

describe('describeFailure: permanent, infrastructure or unknown, never confused', () => {
  it('takes the explicit kinds as they are', () => {
    expect(describeFailure(new PermanentError('INVALID_MESSAGE', 'bad', ['x']))).toEqual({
      kind: 'permanent',
      code: 'INVALID_MESSAGE',
      message: 'bad',
      details: ['x'],
    });
    expect(describeFailure(new InfrastructureError('DATABASE_UNAVAILABLE', 'down')).kind).toBe('infrastructure');
  });

  it('counts connection trouble, timeouts, restarts and deadlocks of PostgreSQL as infrastructure', () => {
    for (const code of ['08006', '57P01', '57014', '53300', '40001', '40P01']) expect(describeFailure(pgError(code)).kind).toBe('infrastructure');
    expect(describeFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toMatchObject({
      kind: 'infrastructure',
      code: 'ECONNREFUSED',
    });
    expect(describeFailure(new Error('Connection terminated unexpectedly')).kind).toBe('infrastructure');
    expect(describeFailure(new Error('timeout exceeded when trying to connect')).kind).toBe('infrastructure');
  });

  it('reads the SQLSTATE TypeORM keeps on driverError', () => {
    const wrapped = Object.assign(new Error('query failed'), { name: 'QueryFailedError', driverError: { code: '57P01' } });
    expect(describeFailure(wrapped).kind).toBe('infrastructure');
  });

  it('counts data PostgreSQL can never store as permanent', () => {
    expect(describeFailure(pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'))).toMatchObject({ kind: 'permanent', code: 'UNSTORABLE' });
    expect(describeFailure(pgError('54000', 'index row size exceeds maximum')).kind).toBe('permanent');
    expect(describeFailure(pgError('22001', 'value too long')).kind).toBe('permanent');
  });

  it('counts broker errors as infrastructure, except a message over its limits', () => {
    const down = Object.assign(new Error('Connection timeout'), { name: 'KafkaJSNumberOfRetriesExceeded' });
    expect(describeFailure(down).kind).toBe('infrastructure');
    const tooLarge = Object.assign(new Error('The request included a message larger than the max message size the server will accept'), {
      name: 'KafkaJSProtocolError',
      type: 'MESSAGE_TOO_LARGE',
    });
    expect(describeFailure(tooLarge)).toMatchObject({ kind: 'permanent', code: 'MESSAGE_TOO_LARGE' });
  });

  it('leaves anything else unknown: a defect, a constraint violation two instances may race on', () => {
    expect(describeFailure(new TypeError('x is undefined')).kind).toBe('unknown');
    expect(describeFailure(pgError('23505', 'duplicate key')).kind).toBe('unknown');
    expect(describeFailure('a string').kind).toBe('unknown');
  });
});
