import { PublishError, PublishErrorCode } from '../errors/publish-error';

export interface StoryCursor {
  updatedAt: Date;
  id: string;
}

export function encodeCursor(c: StoryCursor): string {
  return Buffer.from(`${c.updatedAt.toISOString()}|${c.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(text: string): StoryCursor {
  const [at, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const updatedAt = new Date(at);
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(updatedAt.getTime())) {
    throw new PublishError(400, PublishErrorCode.InvalidCursor, 'cursor is not one this API returned');
  }
  return { updatedAt, id };
}
