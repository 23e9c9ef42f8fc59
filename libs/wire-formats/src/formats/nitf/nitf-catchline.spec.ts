import { readXml } from '../xml/xml-reader';
import { child } from '../xml/xml-query';
import { nitfCatchline } from './nitf-catchline';

const head = (title: string, part = '1', scopes = ['SPORT']) =>
  child(
    readXml(
      `<nitf><head><title>${title}</title><docdata><series series.part="${part}"/>${scopes.map((s) => `<doc-scope scope="${s}"/>`).join('')}</docdata></head></nitf>`,
    ),
    'head',
  );

describe('nitfCatchline', () => {
  it('reads "<series part> <SCOPE> <rest>" as a catch line, the scope as its first word', () => {
    expect(nitfCatchline(head('1 SPORT Trivia (Oct 14)'))).toBe('Sport Trivia (Oct 14)');
    expect(nitfCatchline(head('2 SHOWBIZ BakeOff', '2', ['TV', 'SHOWBIZ']))).toBe('Showbiz BakeOff');
    expect(nitfCatchline(head('1 National Rideau-Hall', '1', ['National']))).toBe('National Rideau-Hall');
  });

  it('leaves other titles alone', () => {
    expect(nitfCatchline(head('Rideau-Hall-Police', '4', ['National']))).toBeUndefined();
    expect(nitfCatchline(head('1 SPORT Trivia', '2'))).toBeUndefined();
    expect(nitfCatchline(head('1 POLITICS Brexit', '1', ['SPORT']))).toBeUndefined();
    expect(nitfCatchline(head('1 SPORT', '1'))).toBeUndefined();
    expect(nitfCatchline(child(readXml('<nitf><head><title>1 SPORT x</title></head></nitf>'), 'head'))).toBeUndefined();
  });
});
