import { Topic } from '@copydesk/contracts';
import { ConsoleConfig, urlList } from '../config/console.config';

export const STAGE_NAMES = ['ingest', 'normalise', 'dedupe', 'publish'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export interface StageDefinition {
  name: StageName;
  /** What the stage reads (ingest reads HTTP) and with which group. */
  input: { topic: Topic; groupId: string } | null;
  output: Topic;
  instances: string[];
}

/** The four stages in pipeline order, as this console is configured to see them. */
export function stageDefinitions(c: ConsoleConfig): StageDefinition[] {
  return [
    { name: 'ingest', input: null, output: Topic.WireRaw, instances: urlList(c.INGEST_URL) },
    { name: 'normalise', input: { topic: Topic.WireRaw, groupId: c.NORMALISE_GROUP_ID }, output: Topic.WireNormalised, instances: urlList(c.NORMALISE_URL) },
    { name: 'dedupe', input: { topic: Topic.WireNormalised, groupId: c.DEDUPE_GROUP_ID }, output: Topic.StoryVersions, instances: urlList(c.DEDUPE_URL) },
    { name: 'publish', input: { topic: Topic.StoryVersions, groupId: c.PUBLISH_GROUP_ID }, output: Topic.StoryPublished, instances: urlList(c.PUBLISH_URL) },
  ];
}
