import { ArgumentsHost, BadRequestException, NotFoundException } from '@nestjs/common';
import { ApiError } from './api-error';
import { HttpExceptionFilter, toErrorBody } from './http-exception.filter';

describe('toErrorBody', () => {
  it('keeps the code and details of an ApiError', () => {
    expect(toErrorBody(new ApiError(400, 'EMPTY_BODY', 'the body is empty', ['x']))).toEqual({
      status: 400,
      body: { error: 'EMPTY_BODY', message: 'the body is empty', details: ['x'] },
    });
  });

  it('turns validation failures into VALIDATION_FAILED with every message', () => {
    const { status, body } = toErrorBody(new BadRequestException(['limit must be a number', 'source must be a UUID']));
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'VALIDATION_FAILED', message: 'request validation failed', details: ['limit must be a number', 'source must be a UUID'] });
  });

  it('maps Nest HTTP exceptions and body-parser errors to stable codes', () => {
    expect(toErrorBody(new NotFoundException()).body.error).toBe('NOT_FOUND');
    expect(toErrorBody({ type: 'entity.too.large', status: 413, expose: true }).body.error).toBe('PAYLOAD_TOO_LARGE');
    expect(toErrorBody(new Error('secret detail'))).toEqual({ status: 500, body: { error: 'INTERNAL', message: 'internal error', details: [] } });
  });
});

describe('HttpExceptionFilter', () => {
  it('sends the headers an ApiError carries with its JSON body', () => {
    const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
    const response = {
      setHeader: (name: string, value: string) => (sent.headers[name] = value),
      status: (status: number) => ((sent.status = status), response),
      json: (body: unknown) => (sent.body = body),
    };
    const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
    new HttpExceptionFilter().catch(new ApiError(503, 'OVERLOADED', 'busy', [], { 'Retry-After': '1' }), host);
    expect(sent).toEqual({ status: 503, headers: { 'Retry-After': '1' }, body: { error: 'OVERLOADED', message: 'busy', details: [] } });
  });
});
