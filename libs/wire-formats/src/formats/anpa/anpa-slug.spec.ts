import { anpaSlug } from './anpa-slug';

describe('anpaSlug', () => {
  it('drops the cycle and a two-letter desk code, keeps a three-letter sports code', () => {
    expect(anpaSlug('BC-US--Storm-Coast', 'BC-US--Storm-Coast')).toBe('Storm-Coast');
    expect(anpaSlug('BC-BBO--WildCardGlance', 'BC-BBO--Wild Card Glance')).toBe('BBO--WildCardGlance');
    expect(anpaSlug('BC-10ThingstoKnow-Today', 'BC-10 Things to Know-Today')).toBe('10ThingstoKnow-Today');
  });

  it('cuts a keyword that fills its 24 characters back to the last whole word of the slug line', () => {
    expect(anpaSlug('BC-LT--Argentina-CancerB', 'BC-LT--Argentina-Cancer Beauty')).toBe('Argentina-Cancer');
    expect(anpaSlug('BC-WEA--GlobalWeather-Fa', 'BC-WEA--Global Weather-Fahrenheit')).toBe('WEA--GlobalWeather');
    // Cut exactly at a word end: nothing to cut back.
    expect(anpaSlug('BC-BBO--BaseballExpanded', 'BC-BBO--Baseball Expanded Glance')).toBe('BBO--BaseballExpanded');
  });

  it('keeps a full keyword that the slug line does not spell out', () => {
    expect(anpaSlug('BC-US--Ethanol-LosingGra', 'Something else')).toBe('Ethanol-LosingGra');
    expect(anpaSlug(undefined, 'BC-US--Storm-Coast')).toBe('Storm-Coast');
    expect(anpaSlug(undefined, undefined)).toBeUndefined();
  });

  it('reads only as much of a long slug line as the keyword needs', () => {
    const keyword = 'BC-US--Abcdefghijklmnopq';
    expect(anpaSlug(keyword, `BC-US--Abcdefghij klmnopqrstuvwxyz${'x'.repeat(1_000_000)}`)).toBe('Abcdefghij');
  });
});
