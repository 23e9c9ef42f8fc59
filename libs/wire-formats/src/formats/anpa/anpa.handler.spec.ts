import { parseWire } from '../../parse';

const capturedAt = new Date('2025-01-01T00:00:00Z');

describe('ANPA-1312 through parseWire', () => {
  it('sniffs ANPA copy, even a table heavy with format codes', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `\u0008Team${i}\u001f\u001e 73\u001e \u001e 52\u001e \u001e .584\r\n`).join('');
    const copy = `\u0016\u0016\u0001s0284\u001f-----\r\nr s\u0014\u0012 BC-BBO--Glance     08-18 \r\n\u0002^BC-BBO--Glance<\r\n^Wild Card Glance=\r\n${rows}\u0003AP-WF-08-18-19 2017GMT<\r\n\u000c\r\n\u0004`;
    const result = parseWire({ body: Buffer.from(copy, 'latin1'), contentType: 'text/plain', capturedAt });
    expect(result.format).toBe('anpa1312');
    expect(result.items[0].headline).toBe('Wild Card Glance');
    expect(result.items[0].body[0].text).toBe('Team0 73 52 .584');
  });
});
