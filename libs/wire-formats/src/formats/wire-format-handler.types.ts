import type { CanonicalItem, WireFormat } from '@copydesk/contracts';

/** The broad syntax of a payload; a handler is only ever offered payloads of its own family. */
export type PayloadFamily = 'text' | 'xml' | 'json';

export interface FormatParseContext {
  capturedAt: Date;
  /** IANA zone for absolute dates printed without one (e.g. "Updated 06 September 2024"). */
  timeZone: string;
  /** Longest line a text format accepts. */
  maxLineChars: number;
  mediaType?: string;
}

/**
 * One wire format. To add a format, implement this and add it to FORMAT_HANDLERS.
 * `sniff` must be cheap and linear: it sees every payload of its family that no earlier handler took.
 */
export interface WireFormatHandler {
  readonly format: WireFormat;
  readonly family: PayloadFamily;
  /** Media types that name this format outright, without sniffing ("application/nitf+xml"). Lower case. */
  readonly mediaTypes: readonly string[];
  sniff(text: string, ctx: FormatParseContext): boolean;
  /** Returns the stories found; throws WireFormatError for input it recognises but cannot read. */
  parse(text: string, ctx: FormatParseContext): CanonicalItem[];
}
