import * as iconv from 'iconv-lite';

/** How the decoder treats a declared charset. */
export type CharsetFamily = 'utf-8' | 'latin' | 'other';

export interface CharsetName {
  /** Lower-case canonical label reported to callers: "utf-8", "windows-1252", "iso-8859-1", "utf-16le", ... */
  name: string;
  family: CharsetFamily;
}

const ALIASES: Readonly<Record<string, CharsetName>> = {
  'utf-8': { name: 'utf-8', family: 'utf-8' },
  utf8: { name: 'utf-8', family: 'utf-8' },
  'unicode-1-1-utf-8': { name: 'utf-8', family: 'utf-8' },
  'us-ascii': { name: 'utf-8', family: 'utf-8' },
  ascii: { name: 'utf-8', family: 'utf-8' },
  'iso-8859-1': { name: 'iso-8859-1', family: 'latin' },
  'iso8859-1': { name: 'iso-8859-1', family: 'latin' },
  'iso_8859-1': { name: 'iso-8859-1', family: 'latin' },
  latin1: { name: 'iso-8859-1', family: 'latin' },
  l1: { name: 'iso-8859-1', family: 'latin' },
  'windows-1252': { name: 'windows-1252', family: 'latin' },
  cp1252: { name: 'windows-1252', family: 'latin' },
  'x-cp1252': { name: 'windows-1252', family: 'latin' },
  'utf-16': { name: 'utf-16', family: 'other' },
  'utf-16le': { name: 'utf-16le', family: 'other' },
  'utf-16be': { name: 'utf-16be', family: 'other' },
};

/**
 * Canonical name of a declared charset, or undefined when iconv-lite cannot decode it.
 * US-ASCII is read as UTF-8 (its superset), so mislabelled UTF-8 still decodes.
 */
export function canonicalCharset(declared: string): CharsetName | undefined {
  const label = declared
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  const known = ALIASES[label];
  if (known) return known;
  return label !== '' && iconv.encodingExists(label) ? { name: label, family: 'other' } : undefined;
}
