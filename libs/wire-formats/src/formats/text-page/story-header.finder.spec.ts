import { NormalisedLines } from './normalised-lines';
import { findStoryHeaders } from './story-header.finder';

const capturedAt = new Date('2025-03-21T10:00:00Z');
const headers = (lines: string[]) => findStoryHeaders(new NormalisedLines(lines), capturedAt, 'UTC');

describe('findStoryHeaders', () => {
  it('finds the headline through its "Update" link and keeps the caption', () => {
    const lines = [
      'H one',
      '',
      'Update H one',
      'A caption of decent length. (Reuters)',
      'Short Url',
      'Updated 06 September 2024',
      'Follow',
      '',
      'H one',
      '',
      'H one',
      '\u2022 Bullet',
      '',
      'Body.',
    ];
    expect(headers(lines)).toEqual([
      {
        headline: 'H one',
        start: 0,
        bodyStart: 11,
        label: { at: new Date('2024-09-06T00:00:00Z'), precision: 'day' },
        extraLines: ['A caption of decent length. (Reuters)'],
      },
    ]);
  });

  it('separates a flash from the next story', () => {
    const lines = [
      'Flash',
      '',
      'Flash',
      'Updated 4 sec ago',
      'Follow',
      '',
      'Flash',
      '',
      'Flash',
      '',
      'Next',
      '',
      'Next',
      'Updated 5 sec ago',
      'Follow',
      '',
      'Next',
      '',
      'Body.',
    ];
    const found = headers(lines);
    expect(found.map(({ headline, start, bodyStart }) => ({ headline, start, bodyStart }))).toEqual([
      { headline: 'Flash', start: 0, bodyStart: 10 },
      { headline: 'Next', start: 10, bodyStart: 18 },
    ]);
  });

  it('takes the nearest line above a label when the headline does not repeat', () => {
    expect(headers(['Lone headline', 'Updated 4 sec ago', 'Body.'])).toMatchObject([{ headline: 'Lone headline', start: 0, bodyStart: 2 }]);
  });

  it('ignores a lone furniture line without a repeated headline', () => {
    expect(headers(['Headline', '', 'Some copy.', 'Follow', 'More copy.'])).toEqual([]);
  });
});
