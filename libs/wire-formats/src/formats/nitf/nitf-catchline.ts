import type { XmlElement } from '../xml/xml-node.types';
import { attr, child, children, textOf } from '../xml/xml-query';

/**
 * A `<title>` built as a catch line from the document's own metadata: its series part, its doc-scope and
 * the rest ("1 SPORT Trivia (Oct 14)" with `<series series.part="1"/>` and `<doc-scope scope="SPORT"/>`,
 * as PA sends it). Such a title is the desk's slug, not a headline: the part number only counts the
 * series, and the scope, written in capitals as a code, reads as the slug's first word ("Sport Trivia
 * (Oct 14)", "Soccer INT-Teams"). Undefined for any other title.
 */
export function nitfCatchline(head: XmlElement | undefined): string | undefined {
  const title = textOf(child(head, 'title'));
  const docdata = child(head, 'docdata');
  const part = attr(child(docdata, 'series'), 'series.part');
  if (!title || !part) return undefined;
  const [number, scope, ...rest] = title.split(' ');
  if (number !== part || rest.length === 0) return undefined;
  const scopes = children(docdata, 'doc-scope').map((element) => attr(element, 'scope')?.toLowerCase());
  if (!scopes.includes(scope.toLowerCase())) return undefined;
  const word = scope === scope.toUpperCase() ? scope.charAt(0) + scope.slice(1).toLowerCase() : scope;
  return [word, ...rest].join(' ');
}
