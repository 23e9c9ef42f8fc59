import { parseStoryBody } from './story-body.parser';

describe('parseStoryBody', () => {
  it('reads bullets, dateline, paragraphs and crossheads', () => {
    expect(parseStoryBody(['\u2022 First point', '\u2022 Second point', '', 'SEOUL: Leaders met.', '', 'MORE TO COME', '', 'Later.', '', ''])).toEqual({
      summary: ['First point', 'Second point'],
      dateline: 'SEOUL',
      body: [
        { kind: 'paragraph', text: 'Leaders met.' },
        { kind: 'crosshead', text: 'MORE TO COME' },
        { kind: 'paragraph', text: 'Later.' },
      ],
    });
  });

  it('reads paragraphs one per line when there are no blank lines', () => {
    expect(parseStoryBody(['GOMA: One.', 'Two.', 'Three.']).body).toHaveLength(3);
  });

  it('drops furniture and handles an empty body', () => {
    expect(parseStoryBody(['One.', 'Follow', 'Two.']).body.map((b) => b.text)).toEqual(['One.', 'Two.']);
    expect(parseStoryBody(['', ''])).toEqual({ summary: [], body: [] });
  });
});
