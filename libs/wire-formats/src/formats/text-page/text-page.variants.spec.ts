import fc from 'fast-check';
import { parseWire } from '../../parse';
import { buildPage, StoryFixture } from '../../../testing/text-page.builder';

const capturedAt = new Date('2025-03-21T10:00:00Z');
const parse = (text: string) => parseWire({ body: Buffer.from(text), capturedAt });

const QUAKE: StoryFixture = {
  headline: 'Strong quake shakes Taiwan\u2019s east coast',
  label: 'Updated 1 hr 5 mins ago',
  caption: 'Rescuers search a collapsed building in Hualien on April 3, 2024. (AFP)',
  bullets: ['No tsunami warning was issued', 'Trains were halted'],
  paragraphs: [
    'TAIPEI: A strong earthquake struck off Taiwan\u2019s east coast on Friday.',
    'Buildings swayed in the capital.',
    'AFTERSHOCKS',
    'Officials warned of aftershocks.',
  ],
};
const TALKS: StoryFixture = {
  headline: 'Talks resume in Geneva',
  label: 'Updated 3 min 2 sec ago',
  paragraphs: ['GENEVA:\u00a0Negotiators met again on Friday.', '\u201cWe are hopeful,\u201d one said.'],
};

describe('text-page variants built in the same shape', () => {
  it('reads a story with caption, bullets, crosshead and an hour label', () => {
    const [item] = parse(buildPage([QUAKE, TALKS])).items;
    expect(item).toMatchObject({
      headline: QUAKE.headline,
      summary: QUAKE.bullets,
      dateline: 'TAIPEI',
      media: [{ kind: 'picture', caption: 'Rescuers search a collapsed building in Hualien on April 3, 2024.', credit: 'AFP' }],
      sourceUpdated: { at: '2025-03-21T08:55:00.000Z', precision: 'minute' },
      body: [
        { kind: 'paragraph', text: 'A strong earthquake struck off Taiwan\u2019s east coast on Friday.' },
        { kind: 'paragraph', text: 'Buildings swayed in the capital.' },
        { kind: 'crosshead', text: 'AFTERSHOCKS' },
        { kind: 'paragraph', text: 'Officials warned of aftershocks.' },
      ],
    });
  });

  it('reads the same story without blank lines between paragraphs', () => {
    const withBlanks = parse(buildPage([QUAKE, TALKS])).items;
    const withoutBlanks = parse(
      buildPage([
        { ...QUAKE, blankBetween: false },
        { ...TALKS, blankBetween: false },
      ]),
    ).items;
    expect(withoutBlanks).toEqual(withBlanks);
  });

  it('reads the same story without bullets and without caption', () => {
    const [item] = parse(buildPage([{ ...QUAKE, bullets: [], caption: undefined }, TALKS])).items;
    expect(item.summary).toEqual([]);
    expect(item.media).toEqual([]);
    expect(item.body).toHaveLength(4);
    expect(item.headline).toBe(QUAKE.headline);
  });

  it('reads a long header without a caption, and a short header with no label', () => {
    const items = parse(
      buildPage([
        { ...QUAKE, caption: undefined, longHeader: true },
        { ...TALKS, label: undefined },
      ]),
    ).items;
    expect(items.map((item) => item.headline)).toEqual([QUAKE.headline, TALKS.headline]);
    expect(items[0].media).toEqual([]);
    expect(items[1].sourceUpdated).toBeUndefined();
    expect(items[1].dateline).toBe('GENEVA');
  });

  it('ignores site furniture above the first story and reads a last story without a final newline', () => {
    const page = `Home\nWorld\nMiddle East\n\n${buildPage([TALKS, QUAKE]).trimEnd()}`;
    const items = parse(page).items;
    expect(items.map((item) => item.headline)).toEqual([TALKS.headline, QUAKE.headline]);
    expect(items[1].body.at(-1)?.text).toBe('Officials warned of aftershocks.');
  });

  it('keeps flashes between stories', () => {
    const flash: StoryFixture = { headline: 'BREAKING: Quake hits Taiwan', label: 'Updated 4 sec ago', paragraphs: [] };
    const items = parse(buildPage([flash, TALKS, { ...flash, headline: 'Second flash', label: 'Updated 21 March 2025' }])).items;
    expect(items.map((item) => [item.headline, item.body.length])).toEqual([
      ['BREAKING: Quake hits Taiwan', 0],
      [TALKS.headline, 2],
      ['Second flash', 0],
    ]);
    expect(items[2].sourceUpdated).toEqual({ at: '2025-03-21T00:00:00.000Z', precision: 'day' });
  });

  it('finds every story whatever the mix of features', () => {
    const sentence = fc.constantFrom(
      'The minister said the plan would go ahead.',
      '\u201cWe will not give up,\u201d she told reporters.',
      'Markets rose 2 percent on the news.',
      'Police said three people were hurt.',
      'The vote is due on Tuesday.',
    );
    const story = fc.record({
      headline: fc.constantFrom('Floods hit north', 'Central bank holds rates', 'Rebels take key town', 'Court blocks order', 'Strike halts trains'),
      label: fc.option(fc.constantFrom('Updated 4 sec ago', 'Updated 7 min 35 sec ago', 'Updated 2 hr 5 min ago', 'Updated 06 September 2024'), {
        nil: undefined,
      }),
      caption: fc.option(
        fc.constantFrom('Residents wade through water in the old town on Monday. (Reuters)', 'Police stand guard outside the court. (AP Photo)'),
        { nil: undefined },
      ),
      bullets: fc.array(fc.constantFrom('First point of the story', 'Second point of the story'), { maxLength: 3 }),
      paragraphs: fc.array(sentence, { maxLength: 6 }),
      blankBetween: fc.boolean(),
      longHeader: fc.boolean(),
      dateline: fc.option(fc.constantFrom('LONDON', 'NEW DELHI', 'KYIV'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(story, { minLength: 1, maxLength: 5, selector: (s) => s.headline }), (stories) => {
        const fixtures: StoryFixture[] = stories.map(({ dateline, ...s }) => ({
          ...s,
          label: s.label ?? (s.longHeader ? undefined : 'Updated 1 min 0 sec ago'),
          paragraphs: dateline && s.paragraphs.length > 0 ? [`${dateline}: ${s.paragraphs[0]}`, ...s.paragraphs.slice(1)] : s.paragraphs,
        }));
        const items = parse(buildPage(fixtures)).items;
        expect(items.map((item) => item.headline)).toEqual(stories.map((s) => s.headline));
        items.forEach((item, k) => {
          const s = stories[k];
          expect(item.summary).toEqual(s.bullets);
          expect(item.body.map((b) => b.text)).toEqual(s.paragraphs);
          expect(item.dateline).toBe(s.paragraphs.length > 0 ? s.dateline : undefined);
          expect(item.media.map((m) => m.credit)).toEqual(s.caption ? [s.caption.includes('(AP') ? 'AP Photo' : 'Reuters'] : []);
          expect(item.sourceUpdated === undefined).toBe(fixtures[k].label === undefined);
        });
      }),
      { numRuns: 300 },
    );
  });
});
