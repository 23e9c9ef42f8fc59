import type { CanonicalItem, WireFormat } from '@copydesk/contracts';

export interface ParseWireOptions {
  /** IANA zone for dates printed without one ("Updated 06 September 2024"). Default "UTC". */
  timeZone?: string;
  /** Largest body accepted, in bytes. Default 32 MiB. */
  maxBytes?: number;
  /** Longest line a text format accepts, in characters. Default 1 Mi. */
  maxLineChars?: number;
  /**
   * How far an item's `versionCreated`, `firstCreated` or `sourceUpdated` may lie after the
   * capture time before it is clamped to it, in milliseconds. Default 5 minutes.
   */
  futureToleranceMs?: number;
}

export interface ParseWireInput {
  body: Buffer;
  /** The Content-Type as received, e.g. "text/plain; charset=windows-1252". */
  contentType?: string;
  /** When the copy was captured: relative labels ("4 sec ago") count back from it. */
  capturedAt: Date;
  options?: ParseWireOptions;
}

export interface ParseWireResult {
  format: WireFormat;
  /** Charset actually used to decode the body. */
  charset: string;
  /** The stories, in the order they appear. Never empty. */
  items: CanonicalItem[];
}

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
export const DEFAULT_MAX_LINE_CHARS = 1024 * 1024;
