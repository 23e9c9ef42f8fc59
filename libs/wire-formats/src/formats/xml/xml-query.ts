import { normaliseText } from '../../text/normalise-text';
import { isElement, type XmlElement } from './xml-node.types';

/** First child element with this local name. */
export function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!parent) return undefined;
  for (const node of parent.children) {
    if (isElement(node) && node.name === name) return node;
  }
  return undefined;
}

/** Every child element with this local name (every child element when no name is given). */
export function children(parent: XmlElement | undefined, name?: string): XmlElement[] {
  if (!parent) return [];
  return parent.children.filter((node): node is XmlElement => isElement(node) && (name === undefined || node.name === name));
}

/** Follows child names: `at(nitf, 'head', 'docdata', 'doc-id')`. */
export function at(parent: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = parent;
  for (const name of names) current = child(current, name);
  return current;
}

/** First element with this local name below `root`, in document order (depth first, stopping at the first match). */
export function descendant(root: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!root) return undefined;
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop() as XmlElement;
    if (element !== root && element.name === name) return element;
    for (let i = element.children.length - 1; i >= 0; i--) {
      const node = element.children[i];
      if (isElement(node)) stack.push(node);
    }
  }
  return undefined;
}

/** The raw text of an element and everything below it. */
export function rawText(element: XmlElement | undefined): string {
  if (!element) return '';
  if (element.children.length === 1 && typeof element.children[0] === 'string') return element.children[0];
  const parts: string[] = [];
  const stack: (XmlElement | string)[] = [element];
  while (stack.length > 0) {
    const node = stack.pop() as XmlElement | string;
    if (!isElement(node)) {
      parts.push(node);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return parts.join('');
}

const isPrintable = (c: number) => c >= 0x21 && c <= 0x7e;

/**
 * Printable ASCII with single inner spaces: already normalised, as most metadata values are.
 * A loop, not a pattern: a repeated group backtracks one step per character, and on ten
 * megabytes of text the regular expression stack overflows (RangeError).
 */
function isPlainAscii(text: string): boolean {
  if (text.length === 0 || !isPrintable(text.charCodeAt(0)) || !isPrintable(text.charCodeAt(text.length - 1))) return false;
  for (let i = 1; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (!isPrintable(c) && !(c === 0x20 && isPrintable(text.charCodeAt(i + 1)))) return false;
  }
  return true;
}

/** `normaliseText`, with a fast path for text that needs nothing. */
export function cleanText(text: string): string {
  return isPlainAscii(text) ? text : normaliseText(text);
}

/** Whitespace-normalised text, or undefined when there is none. */
export function textOf(element: XmlElement | undefined): string | undefined {
  const text = cleanText(rawText(element));
  return text === '' ? undefined : text;
}

/** A trimmed, non-empty attribute value. */
export function attr(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.attrs[name]?.trim();
  return value ? value : undefined;
}

/**
 * Whitespace-normalised text of a metadata element, leaving out the subtrees of the named children
 * (`<byttl>`, `<story.date>`). Child elements are words of their own: `By<person>Ann Lee</person>` is "By Ann Lee".
 */
export function textWithout(element: XmlElement | undefined, skipped: ReadonlySet<string>): string | undefined {
  if (!element) return undefined;
  const parts = element.children.flatMap((node) => (!isElement(node) ? [node] : skipped.has(node.name) ? [] : [' ', rawText(node), ' ']));
  const text = cleanText(parts.join(''));
  return text === '' ? undefined : text;
}

/** Whole number in 1..9 (urgency, priority), else undefined. */
export function urgencyOf(value: string | undefined): number | undefined {
  const match = /^\s*([1-9])\s*$/.exec(value ?? '');
  return match ? Number(match[1]) : undefined;
}

const DATELINE_SEPARATOR = /[\s:\u2013\u2014-]/;

/**
 * A dateline as printed, without the separator that follows it: "STOCKHOLM, Aug 29 (AFP) -" → "STOCKHOLM, Aug 29 (AFP)".
 * Read back from the end: /[\s:\u2013\u2014-]+$/ is tried at every position and runs through a
 * whole run of separators each time, quadratic on a long run that something else follows.
 */
export function datelineText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let end = text.length;
  while (end > 0 && DATELINE_SEPARATOR.test(text[end - 1])) end--;
  return end > 0 ? text.slice(0, end) : undefined;
}
