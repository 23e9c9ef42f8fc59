/**
 * The canonical item: what every wire format is parsed into. Pure data, JSON-safe.
 * Parsers in `@copydesk/wire-formats` produce it; `wire.normalised.v1` carries it.
 */
export type WireFormat =
  | 'text-page'
  | 'plain-text'
  | 'ninjs'
  | 'ap-media'
  | 'nitf'
  | 'newsml-1.2'
  | 'newsml-g2'
  | 'iptc7901'
  | 'anpa1312'
  | 'rss'
  | 'atom'
  | 'ritzau';

export const WIRE_FORMATS: readonly WireFormat[] = [
  'text-page',
  'plain-text',
  'ninjs',
  'ap-media',
  'nitf',
  'newsml-1.2',
  'newsml-g2',
  'iptc7901',
  'anpa1312',
  'rss',
  'atom',
  'ritzau',
];

export type PubStatus = 'usable' | 'withheld' | 'canceled';
export const PUB_STATUSES: readonly PubStatus[] = ['usable', 'withheld', 'canceled'];

export type Signal = 'update' | 'correction' | 'kill';
export const SIGNALS: readonly Signal[] = ['update', 'correction', 'kill'];

/** How exact a source time is: a relative "4 sec ago" label is to the second, "06 September 2024" to the day. */
export type TimePrecision = 'second' | 'minute' | 'day';
export const TIME_PRECISIONS: readonly TimePrecision[] = ['second', 'minute', 'day'];

export interface SourceTime {
  /** ISO 8601 instant (UTC). For day precision: midnight UTC of that calendar day. */
  at: string;
  precision: TimePrecision;
}

export type BlockKind = 'paragraph' | 'crosshead';

export interface BodyBlock {
  kind: BlockKind;
  text: string;
}

export interface MediaItem {
  kind: 'picture' | 'video' | 'audio' | 'graphic';
  caption?: string;
  /** Credit as printed, without brackets: "Reuters". */
  credit?: string;
  href?: string;
  mimeType?: string;
}

export interface Subject {
  code?: string;
  name?: string;
  scheme?: string;
}

export interface WireLink {
  /** e.g. "irel:previousVersion" */
  rel: string;
  guid: string;
}

export interface WireIdentity {
  /** The agency's stable id: ninjs uri, G2 guid, AP item id. */
  guid?: string;
  /** Opaque version string as the wire carries it. Never compare as a number. */
  version?: string;
  slug?: string;
  /** Take key or edition marker: "1st Ld-Writethru", "REFILE". */
  takeKey?: string;
  links?: WireLink[];
}

export interface CanonicalItem {
  format: WireFormat;
  wire: WireIdentity;
  headline: string;
  /** Summary bullets or abstract paragraphs, in order. */
  summary: string[];
  byline?: string;
  /** Dateline as printed, without the trailing colon: "SEOUL". */
  dateline?: string;
  body: BodyBlock[];
  media: MediaItem[];
  /** BCP 47 language tag where known. */
  language?: string;
  subjects: Subject[];
  /** 1 (most urgent) .. 9 */
  urgency?: number;
  pubStatus: PubStatus;
  signals: Signal[];
  /** ISO instant until which the item must not be published. */
  embargo?: string;
  firstCreated?: string;
  versionCreated?: string;
  /** When the source says the story was last updated, with the precision it says it at. */
  sourceUpdated?: SourceTime;
  /** Hex SHA-256 over the NFC-normalised text without page furniture or relative labels. */
  contentHash: string;
}
