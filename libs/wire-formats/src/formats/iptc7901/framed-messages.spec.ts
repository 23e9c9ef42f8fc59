import { splitFramedMessages } from './framed-messages';

describe('splitFramedMessages', () => {
  it('splits at each message start and drops leading noise', () => {
    expect(splitFramedMessages('noise\u0001one\u0004\u0001two\u0004', '\u0001')).toEqual(['\u0001one\u0004', '\u0001two\u0004']);
    expect(splitFramedMessages('\u0016\u0016\u0001a\u0016\u0016\u0001b', '\u0016\u0016\u0001')).toEqual(['\u0016\u0016\u0001a', '\u0016\u0016\u0001b']);
  });

  it('returns the text whole when no start is found', () => {
    expect(splitFramedMessages('plain', '\u0001')).toEqual(['plain']);
  });
});
