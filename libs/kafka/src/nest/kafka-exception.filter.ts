import { ArgumentsHost, Catch, HttpException, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { PermanentError } from '../errors/handler-errors';

/**
 * Lets a Kafka handler's error reach the consumer runner as it was thrown (Nest's default
 * filter would replace it with "Internal server error"), and turns validation failures of
 * the payload into permanent errors, so they are dead-lettered with the reasons at once.
 */
@Catch()
export class KafkaExceptionFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const messages = typeof response === 'object' && response && Array.isArray((response as { message?: unknown }).message)
        ? ((response as { message: unknown[] }).message)
        : [exception.message];
      const code = exception.getStatus() === 400 ? 'INVALID_MESSAGE' : `HTTP_${exception.getStatus()}`;
      return throwError(() => new PermanentError(code, 'message failed validation', messages));
    }
    return throwError(() => exception);
  }
}
