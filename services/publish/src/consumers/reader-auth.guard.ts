import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PublishConfig } from '../config/publish.config';
import { PublishError } from '../errors/publish-error';
import { ConsumersService } from './consumers.service';
import { Reader } from './reader';

export interface ReaderRequest extends Request {
  reader: Reader;
}

/**
 * `Authorization: Bearer <consumer key>` → the request's reader, or 401. Without the header, the
 * request reads as the public when PUBLISH_PUBLIC_READ is on; a key that is sent must be valid,
 * public reading or not.
 */
@Injectable()
export class ReaderAuthGuard implements CanActivate {
  constructor(
    private readonly consumers: ConsumersService,
    private readonly config: PublishConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<ReaderRequest>();
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const header = request.headers.authorization;
    if (header === undefined) {
      if (!this.config.PUBLISH_PUBLIC_READ) throw this.refuse(http.getResponse<Response>(), 'send a consumer key as "Authorization: Bearer <apiKey>"');
      request.reader = { consumer: null, address };
      return true;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw this.refuse(http.getResponse<Response>(), 'send a consumer key as "Authorization: Bearer <apiKey>"');
    const consumer = await this.consumers.authenticate(match[1]);
    if (!consumer) throw this.refuse(http.getResponse<Response>(), 'the API key is not valid');
    request.reader = { consumer, address };
    return true;
  }

  private refuse(response: Response, message: string): PublishError {
    response.setHeader('WWW-Authenticate', 'Bearer realm="copydesk"');
    return PublishError.unauthorized(message);
  }
}

/** The reader the guard found, as a handler parameter. */
export const CurrentReader = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Reader => context.switchToHttp().getRequest<ReaderRequest>().reader,
);
