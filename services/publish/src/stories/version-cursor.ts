import { PublishError, PublishErrorCode } from '../errors/publish-error';

/** The cursor of a page of versions: the last version number on the page, opaque to clients. */
export function encodeVersionCursor(version: number): string {
  return Buffer.from(`v|${version}`, 'utf8').toString('base64url');
}

export function decodeVersionCursor(text: string): number {
  const match = /^v\|([1-9]\d{0,8})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!match) throw new PublishError(400, PublishErrorCode.InvalidCursor, 'cursor is not one this API returned');
  return Number(match[1]);
}
