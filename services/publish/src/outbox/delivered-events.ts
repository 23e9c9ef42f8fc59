/** What the relay needs to know from the broker after a crash: which events already reached a topic. */
export interface DeliveredEvents {
  /**
   * The ids (CloudEvents `ce_id`) among `eventIds` found in the last `depth` messages of each
   * partition of `topic`.
   */
  find(topic: string, eventIds: ReadonlySet<string>, depth: number): Promise<Set<string>>;
}

export const DELIVERED_EVENTS = Symbol('DELIVERED_EVENTS');
