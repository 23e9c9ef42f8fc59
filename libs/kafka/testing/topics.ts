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

/** Commits a group's offsets at the end of a topic, so a stage started in that group sees only what comes after. */
export async function startGroupAtEnd(connection: KafkaConnection, groupId: string, topic: string): Promise<void> {
  const admin = new KafkaAdmin(connection);
  try {
    await admin.resetGroupOffsets(groupId, topic, 'latest');
  } finally {
    await admin.close();
  }
}
