import type { BodyBlock } from '@copydesk/contracts';
import type { XmlElement } from '../xml/xml-node.types';
import { child, children, textOf } from '../xml/xml-query';

// "By Jonathan Underhill", "By Anna van der Berg and Li Wei": capitalised names, a few linking words.
// Bounded and unambiguous (a name part cannot hold the space that separates parts): linear on any text.
const BYLINE_PARAGRAPH = /^By +(\p{Lu}[\p{L}\p{M}.'\u2019-]{0,30}(?: (?:\p{Lu}[\p{L}\p{M}.'\u2019-]{0,30}|and|van|von|de|der|den|da|di|du|le|la|&)){1,7})$/u;
const MAX_BYLINE_PARAGRAPH = 120;
// A desk's stand-in for a name ("By Staff Reporter"): it names no author.
const PLACEHOLDER = /^(?:By +)?(?:(?:Our|A|Staff) +)?(?:Staff|Reporter|Reporters|Writer|Writers|Correspondent|Correspondents)$/i;

/** A byline that names nobody: absent, or a desk's placeholder. */
export function isPlaceholderByline(byline: string | undefined): boolean {
  return byline === undefined || PLACEHOLDER.test(byline.trim());
}

/**
 * A body whose first paragraph is a byline ("By Jonathan Underhill") followed by the story: the name, and
 * the body without that paragraph. Null for any other body (a body that is nothing but a byline keeps it).
 */
export function splitOpeningByline(body: readonly BodyBlock[]): { byline: string; body: BodyBlock[] } | null {
  const [first, ...rest] = body;
  if (first?.kind !== 'paragraph' || rest.length === 0 || first.text.length > MAX_BYLINE_PARAGRAPH) return null;
  const match = BYLINE_PARAGRAPH.exec(first.text);
  return match ? { byline: match[1], body: rest } : null;
}

/**
 * The names of the people a `contentMeta` lists as `<creator>` ("Meredith Jameson"), joined by commas.
 * A creator is a party, person or organisation: one with only a literal or a code ("Reuters",
 * "photCode:X01390") and names that are handles or initials rather than a person's name ("degenhardt.sandra",
 * "VRG") do not make a byline: a name counts when it has at least two words.
 */
export function creatorByline(contentMeta: XmlElement | undefined): string | undefined {
  const names = children(contentMeta, 'creator')
    .map((creator) => textOf(child(creator, 'name')))
    .filter((name): name is string => name !== undefined && /\S \S/.test(name));
  return names.length > 0 ? names.join(', ') : undefined;
}
