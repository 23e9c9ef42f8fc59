import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Lets a Kafka handler's error reach the consumer runner as it was thrown (Nest's default
 * filter would replace it with "Internal server error"), so the runner can tell a permanent
 * failure from an outage. Payload validation happens before the handler, in the topic's codec.
 */
@Catch()
export class KafkaExceptionFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
