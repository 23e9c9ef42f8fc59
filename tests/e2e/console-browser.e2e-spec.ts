import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { ROOT, SHARED } from '../support/env';
import { addUser, startConsole } from '../support/console-process';
import { addConsumer, addSource, eventually, RunningStack, startServices } from '../support/service-processes';

jest.setTimeout(300_000);

const PAGE = readFileSync(path.join(SHARED, 'corpus/seed/000_3dd1195f19a70900.txt'));
const SHOTS = path.join(ROOT, 'tmp', 'screenshots', 'console');
const XSS = '<img src=x onerror=alert(1)>';
const NAME = 'console-browser';

/** The page's globals, as the code given to page.evaluate uses them (the suites compile without the DOM library). */
interface PageGlobals {
  document: {
    querySelector(selector: string): { textContent: string | null } | null;
    documentElement: { dataset: Record<string, string | undefined>; scrollWidth: number };
  };
  unreloaded?: boolean;
  highest: Record<string, number>;
}

describe('the operators’ console, in a browser', () => {
  let stack: RunningStack;
  let consoleApp: { url: string; stop(): Promise<void> };
  let browser: Browser;
  let operatorContext: BrowserContext;
  let page: Page;
  let source: { id: string; apiKey: string };
  let operator: { username: string; password: string };
  let viewer: { username: string; password: string };
  const dialogs: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const adminToken = `admin-${Date.now()}`;
    stack = await startServices(NAME, 21381, { INGEST_ADMIN_TOKEN: adminToken });
    const key = await addConsumer(`${NAME}-${Date.now()}`, { allStatuses: true });
    consoleApp = await startConsole(NAME, 21380, stack, { CONSOLE_PUBLISH_KEY: key.apiKey, INGEST_ADMIN_TOKEN: adminToken });
    source = addSource(`${NAME}-${Date.now()}`);
    operator = await addUser(`op-${Date.now()}`, 'operator');
    viewer = await addUser(`viewer-${Date.now()}`, 'viewer');
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    operatorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await operatorContext.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void (d.type() === 'confirm' ? d.accept() : d.dismiss());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await consoleApp?.stop();
    await stack?.stop();
  });

  async function login(p: Page, user: { username: string; password: string }): Promise<void> {
    await p.goto(consoleApp.url);
    await p.fill('input[name=username]', user.username);
    await p.fill('input[name=password]', user.password);
    await p.click('button[type=submit]');
    await p.waitForSelector('[data-testid=who]');
  }

  async function post(body: Buffer | string, contentType: string, capturedAt?: string): Promise<string> {
    const res = await fetch(`${stack.urls.ingest}/v1/wire`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${source.apiKey}`, 'Content-Type': contentType, ...(capturedAt ? { 'X-Captured-At': capturedAt } : {}) },
      body,
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { submissionId: string }).submissionId;
  }

  const text = (p: Page, testId: string) => p.locator(`[data-testid=${testId}]`).first().innerText();

  it('logs an operator in and shows the four stages with their lag', async () => {
    await login(page, operator);
    expect(await text(page, 'who')).toContain(`${operator.username} (operator)`);
    for (const stage of ['ingest', 'normalise', 'dedupe', 'publish']) await page.waitForSelector(`[data-testid=stage-${stage}]`);
    for (const stage of ['normalise', 'dedupe', 'publish']) expect(await text(page, `stage-${stage}-lag`)).toMatch(/^\d+ msgs$/);
    expect(await text(page, 'stage-ingest-lag')).toBe('—');
    await page.screenshot({ path: path.join(SHOTS, 'login-home.png'), fullPage: true });
  });

  it('shows the sample page moving through the stages without a reload', async () => {
    // The page records the highest throughput it shows for each stage; nothing reloads it meanwhile.
    await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      w.unreloaded = true;
      w.highest = {};
      setInterval(() => {
        for (const stage of ['ingest', 'normalise', 'dedupe', 'publish']) {
          const shown = Number((globalThis as unknown as PageGlobals).document.querySelector(`[data-testid=stage-${stage}-rate]`)?.textContent ?? '0');
          w.highest[stage] = Math.max(w.highest[stage] ?? 0, shown);
        }
      }, 100);
    });
    await post(PAGE, 'text/plain; charset=utf-8', '2025-03-21T10:00:00Z');
    // Pushed by the server: each stage's throughput rises above zero, on the same page.
    await page.waitForFunction(
      () => {
        const highest = (globalThis as unknown as PageGlobals).highest;
        return ['ingest', 'normalise', 'dedupe', 'publish'].every((s) => (highest[s] ?? 0) > 0);
      },
      undefined,
      { timeout: 90_000, polling: 250 },
    );
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).unreloaded)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'home.png'), fullPage: true });
    await page.goto(`${consoleApp.url}/#/topics`);
    await page.waitForSelector('[data-testid=topics] tbody tr');
    expect(await page.locator('[data-testid=topics]').innerText()).toContain(`${NAME}-normalise`);
    await page.screenshot({ path: path.join(SHOTS, 'topics.png'), fullPage: true });
  });

  it('opens a story’s lineage and reads its dedupe decision', async () => {
    await page.goto(`${consoleApp.url}/#/lineage`);
    await page.fill('input[name=q]', source.id);
    await page.click('form[role=search] button[type=submit]');
    await page.click('[data-testid=lineage-results] a:has-text("Trump says US will sign Ukraine minerals deal soon")');
    await page.waitForSelector('[data-testid=lineage]');
    expect(await text(page, 'story-headline')).toBe('Trump says US will sign Ukraine minerals deal soon');
    expect(await text(page, 'decision-outcome')).toContain('new-story');
    expect(await text(page, 'decision-reason')).toMatch(/candidate/);
    expect(await page.locator('.lineage').innerText()).toMatch(/wire\.raw\.v1 \/ partition \d+ \/ offset \d+/);
    expect(await page.locator('.lineage').innerText()).toMatch(/story\.published\.v1 \/ partition \d+ \/ offset \d+/);
    expect(await page.locator('[data-testid=updated-label]').first().innerText()).toMatch(/^Updated /);
    await page.screenshot({ path: path.join(SHOTS, 'lineage.png'), fullPage: true });
  });

  it('replays a dead letter, which comes back with one more attempt, and records the replay', async () => {
    const submission = await post(Buffer.from([0, 1, 2, 0xff, 0xfe]), 'application/octet-stream');
    await page.goto(`${consoleApp.url}/#/dead-letters`);
    const row = page.locator(`[data-testid=dead-letter][data-submission="${submission}"]`);
    await row.first().waitFor({ timeout: 60_000 });
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-attempts')).toBe('1');
    await row.locator('button.link').click();
    await page.waitForSelector('[data-testid=dead-letter-detail] [data-testid=payload][data-kind=hex]');
    await row.locator('[data-testid=replay]').click();
    expect(await page.locator('[data-testid=replay-result]').innerText()).toContain('Replayed 1');
    await eventually(async () => ((await row.count()) === 2 ? true : undefined), 'the replayed message failing again');
    expect(await row.first().getAttribute('data-attempts')).toBe('2');
    expect(await row.first().innerText()).toMatch(/replay of wire\.dlq\.v1\/\d+\/\d+/);
    await page.screenshot({ path: path.join(SHOTS, 'dead-letters.png'), fullPage: true });
    await page.goto(`${consoleApp.url}/#/audit`);
    const replayed = page.locator('[data-testid=audit] tr[data-action="dead-letter.replay"]').first();
    await replayed.waitFor();
    expect(await replayed.innerText()).toContain(operator.username);
    expect(await replayed.innerText()).toContain('ok (200)');
    await page.screenshot({ path: path.join(SHOTS, 'audit.png'), fullPage: true });
  });

  it('tails a topic live: a burst arrives whole, newest on top, and stays after Stop', async () => {
    await page.goto(`${consoleApp.url}/#/messages`);
    await page.selectOption('select[name=topic]', 'wire.raw.v1');
    await page.fill('input[name=source]', source.id);
    await page.click('[data-testid=tail-start]');
    await page.waitForSelector('.badge:has-text("live")');
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => post(`Burst headline ${i}\n\nBurst copy ${i}.`, 'text/plain; charset=utf-8')));
    await page.waitForFunction(
      (n) => (globalThis as unknown as PageGlobals).document.querySelector('[data-testid=message-count]')?.textContent?.startsWith(`${n} messages`),
      20,
      {
        timeout: 60_000,
      },
    );
    await page.click('[data-testid=tail-stop]');
    expect(await text(page, 'message-count')).toMatch(/^20 messages/);
    const shown = await page
      .locator('[data-testid=message]')
      .evaluateAll((els) => els.map((e) => ({ submission: e.getAttribute('data-submission'), at: e.getAttribute('data-timestamp') ?? '' })));
    expect(shown.map((m) => m.submission).sort()).toEqual([...burst].sort());
    expect(shown[0].at >= shown[shown.length - 1].at).toBe(true);
    await page.locator('[data-testid=message] summary').first().click();
    expect(await page.locator('[data-testid=message] [data-testid=payload][data-kind=raw-submission]').first().innerText()).toContain('Burst headline');
    await page.screenshot({ path: path.join(SHOTS, 'messages-tail.png'), fullPage: true });
  });

  it('lets a viewer read but not replay: the control is disabled and the API answers 403', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await context.newPage();
    await login(p, viewer);
    await p.goto(`${consoleApp.url}/#/dead-letters`);
    const replay = p.locator('[data-testid=dead-letter] [data-testid=replay]').first();
    await replay.waitFor();
    expect(await replay.isDisabled()).toBe(true);
    expect(await p.locator('[data-testid=replay-all]').isDisabled()).toBe(true);
    const answer = await p.evaluate(async () => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const letters = (await (await fetch('/api/dead-letters')).json()) as { items: { partition: number; offset: string }[] };
      const first = letters.items[0];
      const res = await fetch('/api/dead-letters/replay', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ letters: [{ partition: first.partition, offset: first.offset }] }),
      });
      return { status: res.status, body: await res.json() };
    });
    expect(answer).toEqual({ status: 403, body: expect.objectContaining({ error: 'FORBIDDEN' }) });
    await p.screenshot({ path: path.join(SHOTS, 'viewer-dead-letters.png'), fullPage: true });
    await context.close();
  });

  it('shows a hostile headline literally and runs nothing', async () => {
    const ninjs = {
      uri: `urn:test:xss-${Date.now()}`,
      headline: XSS,
      body_text: 'An ordinary paragraph of body text.',
      language: 'en',
      versioncreated: '2025-03-21T09:00:00Z',
    };
    const submission = await post(JSON.stringify(ninjs), 'application/json');
    await page.goto(`${consoleApp.url}/#/lineage`);
    await eventually(async () => {
      await page.fill('input[name=q]', submission);
      await page.click('form[role=search] button[type=submit]');
      await page.waitForSelector('[data-testid=lineage-results]');
      return (await page.locator('[data-testid=lineage-results] a').count()) > 0 ? true : undefined;
    }, 'the hostile story to be published');
    await page.locator('[data-testid=lineage-results] a').first().click();
    await page.waitForSelector('[data-testid=story-headline]');
    expect(await text(page, 'story-headline')).toBe(XSS);
    expect(await page.locator('[data-testid=story-headline] img').count()).toBe(0);
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(dialogs.filter((d) => d === '1')).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'xss.png'), fullPage: true });
  });

  it('has a dark mode and fits a 390-pixel phone', async () => {
    await page.goto(`${consoleApp.url}/#/pipeline`);
    await page.click('[data-testid=theme-toggle]');
    // The page sets the theme in an effect, after it has rendered the click: give it a moment.
    const theme = () => (globalThis as unknown as PageGlobals).document.documentElement.dataset.theme;
    await page
      .waitForFunction(() => (globalThis as unknown as PageGlobals).document.documentElement.dataset.theme === 'dark', undefined, { timeout: 5000 })
      .catch(() => undefined);
    expect(await page.evaluate(theme)).toBe('dark');
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await operatorContext.storageState() });
    const p = await phone.newPage();
    await p.goto(consoleApp.url);
    await p.waitForSelector('[data-testid=stage-publish]');
    expect(await p.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await p.screenshot({ path: path.join(SHOTS, 'phone-dark.png'), fullPage: true });
    await phone.close();
  });
});
