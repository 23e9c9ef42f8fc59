import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { guessContentType } from './content-type-guess';
import { listPushItems } from './push-items';
import { formatSummary, summarise } from './push-summary';
import { retryDelayMs } from './retry-after';

describe('copydesk push, its pure parts', () => {
  it('names the media type by extension, sniffs e-mail, and otherwise leaves the format to normalise', () => {
    expect(guessContentType('a/story.XML', Buffer.from('<nitf/>'))).toBe('application/xml');
    expect(guessContentType('item.json', Buffer.from('{}'))).toBe('application/json');
    expect(guessContentType('page.txt', Buffer.from('Updated 4 sec ago'))).toBe('text/plain');
    const mail = Buffer.from('Received: by mx\r\nFrom: desk@example.com\r\nSubject: Quake\r\n\r\nBody\r\n');
    expect(guessContentType('message', mail)).toBe('message/rfc822');
    expect(guessContentType(undefined, mail)).toBe('message/rfc822');
    expect(guessContentType('notes', Buffer.from('Headline: not mail\n\nBody'))).toBeUndefined();
    expect(guessContentType('page.html', Buffer.from('<html></html>'))).toBeUndefined();
  });

  it('waits as Retry-After says (seconds or a date), else backs off doubling, never past the cap', () => {
    const now = Date.parse('2025-03-21T10:00:00Z');
    expect(retryDelayMs('2', 0, 30_000, now)).toBe(2000);
    expect(retryDelayMs('Fri, 21 Mar 2025 10:00:05 GMT', 0, 30_000, now)).toBe(5000);
    expect(retryDelayMs('Fri, 21 Mar 2025 09:00:00 GMT', 0, 30_000, now)).toBe(0);
    expect(retryDelayMs(null, 0, 30_000)).toBe(500);
    expect(retryDelayMs(undefined, 3, 30_000)).toBe(4000);
    expect(retryDelayMs('3600', 0, 30_000)).toBe(30_000);
  });

  it('walks a folder in name order, leaving out dotfiles and dot-folders', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-push-'));
    try {
      mkdirSync(path.join(dir, 'b'));
      mkdirSync(path.join(dir, '.git'));
      for (const f of ['b/2.xml', 'a.txt', '.DS_Store', '.git/config']) writeFileSync(path.join(dir, f), f);
      const items = await listPushItems([dir]);
      expect(items.map((i) => path.relative(dir, i.name))).toEqual(['a.txt', path.join('b', '2.xml')]);
      expect((await items[1].read()).toString()).toBe('b/2.xml');
      await expect(listPushItems([path.join(dir, 'missing')])).rejects.toMatchObject({ code: 'FILE_NOT_READABLE' });
      mkdirSync(path.join(dir, 'empty', '.cache'), { recursive: true });
      writeFileSync(path.join(dir, 'empty', '.cache', 'x'), 'x');
      await expect(listPushItems([path.join(dir, 'empty')])).rejects.toMatchObject({ code: 'NOTHING_TO_PUSH' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sums the outcomes up: accepted, duplicates, failures by error code', () => {
    const summary = summarise(
      [
        { name: 'a', result: 'accepted', submissionId: 's1', attempts: 1 },
        { name: 'b', result: 'duplicate', submissionId: 's0', attempts: 1 },
        { name: 'c', result: 'failed', status: 400, code: 'EMPTY_BODY', message: 'the request body is empty', attempts: 1 },
        { name: 'd', result: 'failed', code: 'INGEST_UNREACHABLE', message: 'refused', attempts: 6 },
        { name: 'e', result: 'failed', status: 400, code: 'EMPTY_BODY', message: 'the request body is empty', attempts: 1 },
      ],
      1234,
    );
    expect(summary).toMatchObject({ total: 5, accepted: 1, duplicates: 1, failed: 3, failures: { EMPTY_BODY: 2, INGEST_UNREACHABLE: 1 }, seconds: 1.2 });
    expect(summary.items.map((i) => i.submissionId)).toEqual(['s1', 's0', undefined, undefined, undefined]);
    const text = formatSummary(summary);
    expect(text).toContain('pushed 5 items in 1.2 s: 1 accepted, 1 duplicates (replayed), 3 failed');
    expect(text).toContain('  EMPTY_BODY: 2\n');
    expect(text).toContain('failed c: EMPTY_BODY (HTTP 400) the request body is empty');
  });
});
