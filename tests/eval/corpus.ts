import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseWire } from '@copydesk/wire-formats';

/** One real story from the corpus: the text the labelled set is built from. */
export interface CorpusStory {
  file: string;
  headline: string;
  paragraphs: string[];
  dateline?: string;
  language?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.tst': 'text/plain',
};

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return name === 'schema' ? [] : files(full);
      // Licence texts and e-mail headers are not stories.
      return CONTENT_TYPES[path.extname(name)] && !/LICENSE|README|MANIFEST|email/.test(full) ? [full] : [];
    });
}

const wordCount = (ps: string[]) => ps.join(' ').split(/\s+/).filter(Boolean).length;

/**
 * Every story in ../shared/corpus that the parsers read, with at least three paragraphs
 * and 80 words of body, each text once, in a fixed order.
 */
export function loadCorpus(shared: string): CorpusStory[] {
  const seen = new Set<string>();
  const stories: CorpusStory[] = [];
  for (const file of files(path.join(shared, 'corpus'))) {
    let items;
    try {
      items = parseWire({ body: readFileSync(file), contentType: CONTENT_TYPES[path.extname(file)], capturedAt: new Date('2025-03-21T10:00:00Z') }).items;
    } catch {
      continue;
    }
    for (const item of items) {
      const paragraphs = item.body
        .filter((b) => b.kind === 'paragraph')
        .map((b) => b.text.trim())
        .filter((p) => p.split(/\s+/).length >= 6);
      const key = paragraphs.slice(0, 2).join('|');
      if (paragraphs.length < 3 || wordCount(paragraphs) < 80 || !item.headline.trim() || seen.has(key) || seen.has(item.headline)) continue;
      seen.add(key);
      seen.add(item.headline);
      stories.push({ file: path.relative(shared, file), headline: item.headline.trim(), paragraphs, dateline: item.dateline, language: item.language });
    }
  }
  return stories;
}
