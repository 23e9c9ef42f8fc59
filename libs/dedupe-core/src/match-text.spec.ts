import { headlineKey, matchText } from './match-text';

describe('matchText', () => {
  it('unifies quotes, dashes, case and spacing and keeps digits', () => {
    expect(matchText('Trump signs order to ‘eliminate’ US\u00a0Education Department')).toBe("trump signs order to 'eliminate' us education department");
    expect(matchText('Macron — summit on March 27!')).toBe('macron - summit on march 27');
  });

  it('gives a re-typed headline the same key', () => {
    expect(headlineKey('Japan’s Kishida, South Korea’s Yoon')).toBe(headlineKey("Japan's Kishida,  South Korea's Yoon"));
    expect(headlineKey('Rates rise to 5%')).not.toBe(headlineKey('Rates rise to 6%'));
  });
});
