/**
 * Splits a body holding several framed messages (a feed dump or a batched transmission) at each message
 * start: SYN SYN SOH for ANPA-1312, SOH for IPTC 7901. Text before the first start is line noise and dropped.
 */
export function splitFramedMessages(text: string, start: string): string[] {
  const messages: string[] = [];
  let from = text.indexOf(start);
  while (from >= 0) {
    const next = text.indexOf(start, from + start.length);
    messages.push(text.slice(from, next < 0 ? text.length : next));
    from = next;
  }
  return messages.length > 0 ? messages : [text];
}
