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

/** First element with this local name, in document order, below `root` (breadth is kept small by stopping early). */
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

/** Whitespace-normalised text, or undefined when there is none. */
export function textOf(element: XmlElement | undefined): string | undefined {
  const text = normaliseText(rawText(element));
  return text === '' ? undefined : text;
}

/** Whitespace-normalised text of the element's own text nodes only (children such as `<byttl>` left out). */
export function ownText(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const text = normaliseText(element.children.filter((node): node is string => !isElement(node)).join(' '));
  return text === '' ? undefined : text;
}

/** A trimmed, non-empty attribute value. */
export function attr(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.attrs[name]?.trim();
  return value ? value : undefined;
}

/** Whitespace-normalised text of an element, leaving out the subtrees of the named children (`<byttl>`, `<story.date>`). */
export function textWithout(element: XmlElement | undefined, skipped: ReadonlySet<string>): string | undefined {
  if (!element) return undefined;
  const kept: XmlElement = { ...element, children: element.children.filter((node) => !isElement(node) || !skipped.has(node.name)) };
  return textOf(kept);
}

/** Whole number in 1..9 (urgency, priority), else undefined. */
export function urgencyOf(value: string | undefined): number | undefined {
  const match = /^\s*([1-9])\s*$/.exec(value ?? '');
  return match ? Number(match[1]) : undefined;
}
