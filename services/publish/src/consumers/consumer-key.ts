import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'cdc_';

/** A new consumer key: 32 random bytes (256 bits), URL-safe, with a recognisable prefix. */
export function generateConsumerKey(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/**
 * Keys carry 256 bits of randomness, so one SHA-256 is enough to make the stored hash useless
 * to an attacker, and it lets the key be found by an index.
 */
export function hashConsumerKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether the text has the shape of a consumer key (checked before any look-up). */
export function looksLikeConsumerKey(key: string): boolean {
  return key.startsWith(PREFIX) && /^[A-Za-z0-9_-]+$/.test(key) && key.length >= PREFIX.length + 40 && key.length <= 200;
}
