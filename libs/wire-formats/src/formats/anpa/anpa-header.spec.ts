import { anpaUrgency, parseAnpaHeader } from './anpa-header';

describe('parseAnpaHeader', () => {
  it('reads sequence, priority, category, keyword, version, date and word count', () => {
    expect(parseAnpaHeader(['\u0016\u0016\u0001W2607\u001fasian', 'r a\u0013\u0011 BC-US--Ethanol-LosingGra 1stLd-Writethru   11-13 1693'])).toEqual({
      sequence: 'W2607',
      priority: 'r',
      category: 'a',
      keyword: 'BC-US--Ethanol-LosingGra',
      version: '1stLd-Writethru',
      reference: '11-13',
      wordCount: 1693,
    });
  });

  it('accepts a heading without word count or version', () => {
    expect(parseAnpaHeader(['\u0016\u0016\u0001s0284\u001f-----', 'r s\u0014\u0012 BC-BBO--WildCardGlance     08-18 '])).toMatchObject({
      keyword: 'BC-BBO--WildCardGlance',
      reference: '08-18',
      tabular: true,
    });
  });

  it('maps priority letters to urgency', () => {
    expect(anpaUrgency('f')).toBe(1);
    expect(anpaUrgency('b')).toBe(2);
    expect(anpaUrgency('r')).toBe(5);
    expect(anpaUrgency(undefined)).toBeUndefined();
  });
});
