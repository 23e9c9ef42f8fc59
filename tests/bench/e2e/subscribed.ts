import { InboundMessage, KafkaConnection, subscribe, SubscribeOptions, Subscription } from '@copydesk/kafka';
import { untilAvailable } from '@copydesk/observability';

/**
 * A subscription that has joined its group. On a broker just started, a topic just created
 * can be unknown to the consumer's first metadata request for a moment; the subscription
 * is then closed and made again, as a service waits for a dependency.
 */
export function subscribed(connection: KafkaConnection, options: SubscribeOptions, handler: (m: InboundMessage) => void): Promise<Subscription> {
  return untilAvailable(`subscription to ${options.topics.join(',')}`, async () => {
    const subscription = subscribe(connection, options, handler);
    try {
      await subscription.ready;
      return subscription;
    } catch (e) {
      await subscription.close().catch(() => undefined);
      throw e;
    }
  });
}
