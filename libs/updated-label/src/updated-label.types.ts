import type { TimePrecision } from '@copydesk/contracts';

export interface UpdatedLabelOptions {
  /** IANA time zone in which absolute dates ("06 September 2024") are printed and read. Default "UTC". */
  timeZone?: string;
}

export interface ParsedUpdatedLabel {
  /** The instant the label stands for. Relative labels: capture time minus the duration; dates: midnight of that day in the time zone. */
  at: Date;
  precision: TimePrecision;
}

export const DEFAULT_TIME_ZONE = 'UTC';
