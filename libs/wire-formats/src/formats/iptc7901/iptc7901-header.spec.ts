import { parseIptc7901Header } from './iptc7901-header';

describe('parseIptc7901Header', () => {
  it('reads message number, priority, category and word count', () => {
    expect(parseIptc7901Header('eca062 4 i 211 ccccb   dpa 061')).toEqual({ sequence: '062', priority: 4, category: 'i', wordCount: 211 });
    expect(parseIptc7901Header('eca0001 4 rs 46  dpa 0027')).toEqual({ sequence: '0001', priority: 4, category: 'rs', wordCount: 46 });
  });

  it('gives an empty header for other lines', () => {
    expect(parseIptc7901Header('hello world')).toEqual({});
  });
});
