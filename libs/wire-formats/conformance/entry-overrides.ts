import type { SkipRule } from './manifest-field-map';

/**
 * Expectations that the manifest notes say come from Superdesk configuration rather than the file, so they
 * cannot be compared even though their field usually can. Matched by file, parser and key.
 */
export interface EntryOverride extends SkipRule {
  file: string;
  parser?: string;
  key: string;
}

export const ENTRY_OVERRIDES: readonly EntryOverride[] = [
  { file: 'anpa/ap_anpa-1.tst', key: 'subject[0].qcode', skip: 'superdesk-config', reason: 'slug prefix BKN- mapped to an IPTC code by a vocabulary' },
  { file: 'ap/ap_media_text_item.json', key: '[0].subject', skip: 'superdesk-config', reason: 'slug prefix BBN- mapped to an IPTC code by a vocabulary' },
  {
    file: 'ninjs/bbc-ninjs-text-test.json',
    key: '[0].subject[0].qcode',
    skip: 'superdesk-config',
    reason: 'BBC category mapped to an IPTC code by the BBC parser',
  },
  {
    file: 'iptc7901/IPTC7901_odd_charset.txt',
    key: '[0].subject__includes',
    skip: 'superdesk-config',
    reason: 'subject derived from the category letter by a scenario vocabulary',
  },
  { file: 'nitf/aap-1.xml', key: '[0].subject__includes', skip: 'superdesk-config', reason: 'parent codes added from the IPTC subject tree vocabulary' },
  { file: 'nitf/mapping_test.xml', key: 'subject__includes', skip: 'superdesk-config', reason: 'the test installs a custom NITF mapping' },
  { file: 'nitf/mapping_test.xml', key: 'subject__len', skip: 'superdesk-config', reason: 'the test installs a custom NITF mapping' },
  { file: 'rss/wenn.xml', key: '[0].subject[0].qcode', skip: 'superdesk-config', reason: 'parser default, not read from the file' },
  { file: 'rss/wenn.xml', key: '[1].subject[0].qcode', skip: 'superdesk-config', reason: 'parser default, not read from the file' },
  { file: 'rss/wenn.xml', key: '[0].urgency', skip: 'superdesk-config', reason: 'parser default, not read from the file' },
  {
    file: 'newsml-g2/scoop.xml',
    key: '[0].place[0].name',
    skip: 'superdesk-config',
    reason: "the place comes from the 'locators' vocabulary the test inserts",
  },
  { file: 'ninjs/bbc-ninjs-comp-test.json', key: '[2].type', skip: 'system-level', reason: 'the composite package Superdesk builds around the story' },
  { file: 'email/composite_email.txt', key: 'items__len', skip: 'system-level', reason: 'counts the picture item and the composite package Superdesk builds' },
  ...['email/googleform.txt', 'email/googleform1.txt', 'email/json-email.txt'].map((file): EntryOverride => ({
    file,
    key: '[0].byline',
    skip: 'superdesk-config',
    reason: "the byline of the user record the test installs for the form's reporter",
  })),
  { file: 'newsml-g2/scoop.xml', key: '[0].urgency', skip: 'superdesk-config', reason: "hard-coded by Superdesk's BusinessDesk parser" },
  {
    file: 'newsml-g2/scoop.xml',
    key: '[0].dateline.located.city',
    skip: 'superdesk-config',
    reason: "Superdesk's BusinessDesk parser sets Wellington from its locator vocabulary; the file names no place",
  },
  {
    file: 'iptc7901/IPTC7901.txt',
    parser: 'iptc7901',
    key: 'headline',
    skip: 'superdesk-fallback',
    reason: "the generic parser keeps 7901's ' =' end mark on the headline; the dpa variant's expectation without it is compared",
  },
  {
    file: 'nitf/pa2.xml',
    parser: 'nitf',
    key: 'headline',
    skip: 'superdesk-fallback',
    reason: "the generic parser keeps the catch line's series number and scope code ('1 SOCCER'); the PA variant's expectation is compared",
  },
  {
    file: 'email/odd_charset_email.txt',
    key: '[0].headline',
    skip: 'superdesk-fallback',
    reason: 'the raw encoded word with U+FFFD where Superdesk failed to decode windows-1252 (the e-mail parser spec checks the decoded subject)',
  },
];

export function findOverride(file: string, parser: string, key: string): EntryOverride | undefined {
  return ENTRY_OVERRIDES.find((override) => override.file === file && override.key === key && (override.parser === undefined || override.parser === parser));
}
