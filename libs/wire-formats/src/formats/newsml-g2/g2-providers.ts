import type { XmlElement } from '../xml/xml-node.types';
import { child, textOf } from '../xml/xml-query';

/** What is known of a provider's NewsML-G2 that the items do not say themselves. */
export interface G2Provider {
  /** The zone of the wall-clock times it prints without one. */
  timeZone: string;
  /** Its item guids are stamped with the item's creation time: year, month, day, hour, minute, second. */
  guidStamp?: RegExp;
}

const STT: G2Provider = { timeZone: 'Europe/Helsinki' };
// BusinessDesk (New Zealand) prints local times without a zone and names each story by the time it was
// created ("BD-20160112123540"), which its items give nowhere else (they carry only versionCreated).
const BUSINESS_DESK: G2Provider = { timeZone: 'Pacific/Auckland', guidStamp: /^BD-(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/ };

const BY_GUID_PREFIX: readonly [prefix: string, provider: G2Provider][] = [['urn:newsml:stt.fi', STT]];
const BY_MESSAGE_ORIGIN: Readonly<Record<string, G2Provider>> = { BusinessDesk: BUSINESS_DESK };

/** The provider of an item, known by its guid or by the `<origin>` of the message that carries it. */
export function g2Provider(guid: string | undefined, messageOrigin: string | undefined): G2Provider | undefined {
  const byGuid = BY_GUID_PREFIX.find(([prefix]) => guid?.startsWith(prefix))?.[1];
  return byGuid ?? (messageOrigin === undefined ? undefined : BY_MESSAGE_ORIGIN[messageOrigin]);
}

/** The `<origin>` of a `newsMessage` header (`header` in the standard; BusinessDesk writes `Header`). */
export function messageOrigin(message: XmlElement): string | undefined {
  return textOf(child(child(message, 'header') ?? child(message, 'Header'), 'origin'));
}

/** The creation time a provider stamps into the guid, as "2016-01-12 12:35:40" in its zone; undefined otherwise. */
export function guidStampTime(provider: G2Provider | undefined, guid: string | undefined): string | undefined {
  const match = provider?.guidStamp && guid ? provider.guidStamp.exec(guid) : null;
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}
