/** How far into a payload the root element is looked for: prologs, comments and DOCTYPEs are short. */
const SNIFF_CHARS = 16_384;
const ROOT_NAME = /^<([A-Za-z_][\w.:-]*)/;

/**
 * Local name of the root element, read from the head of the text without parsing it: skips the XML
 * declaration, processing instructions, comments and a DOCTYPE (with a short internal subset).
 * Undefined when no element starts within the first 16 KiB.
 */
export function rootElementName(text: string): string | undefined {
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  let i = 0;
  while (i < head.length) {
    const lt = head.indexOf('<', i);
    if (lt < 0) return undefined;
    if (head.startsWith('<?', lt)) i = afterToken(head, '?>', lt);
    else if (head.startsWith('<!--', lt)) i = afterToken(head, '-->', lt);
    else if (head.startsWith('<!', lt)) i = afterDoctype(head, lt);
    else {
      const qname = ROOT_NAME.exec(head.slice(lt, lt + 256))?.[1];
      if (!qname) return undefined;
      const colon = qname.indexOf(':');
      return colon < 0 ? qname : qname.slice(colon + 1);
    }
    if (i < 0) return undefined;
  }
  return undefined;
}

function afterToken(head: string, token: string, from: number): number {
  const at = head.indexOf(token, from);
  return at < 0 ? -1 : at + token.length;
}

function afterDoctype(head: string, from: number): number {
  const open = head.indexOf('[', from);
  const close = head.indexOf('>', from);
  if (close < 0) return -1;
  if (open < 0 || open > close) return close + 1;
  const subsetEnd = head.indexOf(']', open);
  return subsetEnd < 0 ? -1 : afterToken(head, '>', subsetEnd);
}
