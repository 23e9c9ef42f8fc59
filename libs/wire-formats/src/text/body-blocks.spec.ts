import { toBodyBlocks } from './body-blocks';

describe('toBodyBlocks', () => {
  it('moves the dateline out of the first paragraph and marks crossheads', () => {
    expect(toBodyBlocks(['SEOUL: Leaders met.', 'LOOMING ELECTION UNCERTAINTY', 'Yoon said.'])).toEqual({
      dateline: 'SEOUL',
      body: [
        { kind: 'paragraph', text: 'Leaders met.' },
        { kind: 'crosshead', text: 'LOOMING ELECTION UNCERTAINTY' },
        { kind: 'paragraph', text: 'Yoon said.' },
      ],
    });
  });

  it('works without a dateline or paragraphs', () => {
    expect(toBodyBlocks(['Leaders met.'])).toEqual({ body: [{ kind: 'paragraph', text: 'Leaders met.' }] });
    expect(toBodyBlocks([])).toEqual({ body: [] });
  });
});
