import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'cdk_';

/** A new API key: 32 random bytes, URL-safe, with a recognisable prefix. */
export function generateApiKey(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/**
 * Keys carry 256 bits of randomness, so one SHA-256 is enough to make the stored hash
 * useless to an attacker, and it lets the key be found by an index.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function looksLikeApiKey(key: string): boolean {
  return key.startsWith(PREFIX) && key.length >= PREFIX.length + 40 && key.length <= 200;
}
