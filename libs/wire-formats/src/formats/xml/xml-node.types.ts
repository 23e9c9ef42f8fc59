/** A parsed XML element. Names are local (namespace prefix dropped): feeds mix prefixes freely and some omit namespaces. */
export interface XmlElement {
  /** Local name: "newsItem" for `<nar:newsItem>`. */
  name: string;
  /** Attributes by local name ("lang" for `xml:lang`); namespace declarations are left out. First one wins. */
  attrs: Readonly<Record<string, string>>;
  children: XmlNode[];
}

/** Text (entities already decoded, CDATA included) or an element. */
export type XmlNode = XmlElement | string;

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string';
}
