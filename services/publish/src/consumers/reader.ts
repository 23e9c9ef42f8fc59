import { Consumer } from './consumer';

/** Who is reading: the consumer whose key came with the request, or a public reader. */
export interface Reader {
  /** Null for public reading (no key, PUBLISH_PUBLIC_READ on). */
  consumer: Consumer | null;
  /** The client's address, as the socket has it: the rate limit of public reading is per address. */
  address: string;
}

/**
 * What a reader may see. `all`: every version, withheld, canceled and under embargo, as recorded
 * (keys with the all-statuses right). `released`: usable copy whose embargo has ended (every
 * other key, and public reading).
 */
export type ReadScope = 'all' | 'released';

export function scopeOf(reader: Reader): ReadScope {
  return reader.consumer?.allStatuses ? 'all' : 'released';
}
