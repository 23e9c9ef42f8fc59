import { KafkaAdmin, KafkaConnection, TopicSpec } from '../src';

/** Creates the topics a test needs (those missing), on a short-lived admin connection. */
export async function createTopics(connection: KafkaConnection, specs: readonly TopicSpec[]): Promise<void> {
  const admin = new KafkaAdmin(connection);
  try {
    await admin.ensureTopics(specs);
  } finally {
    await admin.close();
  }
}
