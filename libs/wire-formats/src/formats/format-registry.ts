import { anpaHandler } from './anpa/anpa.handler';
import { apMediaHandler } from './ap-media/ap-media.handler';
import { emailHandler } from './email/email.handler';
import { atomHandler } from './feeds/atom.handler';
import { rssHandler } from './feeds/rss.handler';
import { iptc7901Handler } from './iptc7901/iptc7901.handler';
import { newsMlG2Handler } from './newsml-g2/newsml-g2.handler';
import { newsMl12Handler } from './newsml12/newsml12.handler';
import { ninjsHandler } from './ninjs/ninjs.handler';
import { nitfHandler } from './nitf/nitf.handler';
import { plainTextHandler } from './plain-text/plain-text.handler';
import { ritzauHandler } from './ritzau/ritzau.handler';
import { textPageHandler } from './text-page/text-page.handler';
import type { WireFormatHandler } from './wire-format-handler.types';

/**
 * Every supported format, in sniffing order: specific formats first, the plain-text fallback last.
 * Adding a format (NITF, NewsML-G2, ninjs, ANPA, RSS, …) is one entry here; XML and JSON payloads
 * get UNKNOWN_FORMAT until a handler of their family is registered.
 */
export const FORMAT_HANDLERS: readonly WireFormatHandler[] = [
  // XML: each sniffed by its root element.
  nitfHandler,
  newsMl12Handler,
  newsMlG2Handler,
  rssHandler,
  atomHandler,
  ritzauHandler,
  // JSON: AP Media before ninjs, whose items it resembles.
  apMediaHandler,
  ninjsHandler,
  // Framed agency text before the generic text handlers.
  anpaHandler,
  iptc7901Handler,
  // E-mail before the generic text handlers: a header block reads as text to them.
  emailHandler,
  textPageHandler,
  plainTextHandler,
];
