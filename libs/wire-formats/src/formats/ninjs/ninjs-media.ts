import type { MediaItem } from '@copydesk/contracts';
import { normaliseText } from '../../text/normalise-text';
import { field, isJsonObject, JsonObject, objectList, stringField } from './json-object';
import { flatText, roleTexts } from './ninjs-text';

const MEDIA_KINDS: Readonly<Record<string, MediaItem['kind']>> = {
  picture: 'picture',
  image: 'picture',
  photo: 'picture',
  graphic: 'graphic',
  video: 'video',
  audio: 'audio',
};
const RENDITION_PREFERENCE = ['original', 'highres', 'main', 'baseImage', 'viewImage'];

export function mediaKind(type: string | undefined): MediaItem['kind'] | undefined {
  return type === undefined ? undefined : MEDIA_KINDS[type.toLowerCase()];
}

/** The association objects of a ninjs document: a map by name (1.x, 2.x) or a list (3.x). */
export function associationObjects(document: JsonObject): JsonObject[] {
  const value = field(document, 'associations');
  if (Array.isArray(value)) return objectList(value);
  if (!isJsonObject(value)) return [];
  return Object.values(value).filter(isJsonObject);
}

/** A picture, graphic, video or audio document (or association) as a media item; undefined for other types. */
export function toMediaItem(document: JsonObject): MediaItem | undefined {
  const kind = mediaKind(stringField(document, 'type'));
  if (!kind) return undefined;
  const descriptions = roleTexts(field(document, 'descriptions'));
  const captionEntry = descriptions.find((entry) => entry.role === 'caption') ?? descriptions.find((entry) => entry.role !== 'creditline');
  const caption = stringField(document, 'description_text', 'caption') ?? (captionEntry ? flatText(captionEntry) : undefined);
  const credit =
    stringField(document, 'creditline', 'credit') ??
    descriptions.find((entry) => entry.role === 'creditline')?.value ??
    stringField(document, 'byline', 'by', 'copyrightholder', 'copyrightHolder');
  const rendition = preferredRendition(field(document, 'renditions'));
  const href = (rendition && stringField(rendition, 'href')) ?? stringField(document, 'uri');
  const mimeType = (rendition && stringField(rendition, 'mimetype', 'contentType', 'contenttype')) ?? stringField(document, 'mimetype', 'contentType');
  const media: MediaItem = { kind };
  const title = mediaTitle(document);
  if (title) media.title = title;
  if (caption) media.caption = normaliseText(caption);
  if (credit) media.credit = normaliseText(credit);
  if (href) media.href = href;
  if (mimeType) media.mimeType = mimeType;
  return media;
}

/** A picture's own title: its `headline` (1.x), or its main `headlines` entry (2.x, 3.x). */
function mediaTitle(document: JsonObject): string | undefined {
  const single = stringField(document, 'headline', 'title');
  if (single) return normaliseText(single) || undefined;
  const headlines = roleTexts(field(document, 'headlines'));
  const main = headlines.find((entry) => entry.role === 'main') ?? headlines[0];
  return main ? flatText(main) || undefined : undefined;
}

function preferredRendition(value: unknown): JsonObject | undefined {
  if (Array.isArray(value)) {
    const list = objectList(value);
    return list.find((entry) => RENDITION_PREFERENCE.includes(stringField(entry, 'name') ?? '')) ?? list[0];
  }
  if (!isJsonObject(value)) return undefined;
  for (const name of RENDITION_PREFERENCE) {
    const rendition = value[name];
    if (isJsonObject(rendition)) return rendition;
  }
  return Object.values(value).find(isJsonObject);
}
