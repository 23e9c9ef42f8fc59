import { CanonicalItem } from './canonical-item';

/** `wire.normalised.v1` value: one story found in one submission. */
export interface NormalisedItemMessage {
  /** `${submissionId}:${itemIndex}`: stable across redelivery, so stages can recognise repeats. */
  itemId: string;
  submissionId: string;
  sourceId: string;
  itemIndex: number;
  itemCount: number;
  receivedAt: string;
  capturedAt: string;
  item: CanonicalItem;
}
