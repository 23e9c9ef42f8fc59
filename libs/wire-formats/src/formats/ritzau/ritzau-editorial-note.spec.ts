import { parseSuperdeskFile } from '../../../testing/superdesk-corpus';

describe('Ritzau note to the editors', () => {
  it('reads TilRedaktionen as text, a line per block', () => {
    const [item] = parseSuperdeskFile('other/ritzau_news_test_ednote.xml');
    expect(item.edNote?.split('\n')).toEqual([
      'Lasse Norman Hansen skifter til Corendon-Circus.',
      'Der i næste sæson kører på næsthøjeste niveau.',
      'Som led i en større omstrukturering skal den danske medicinalgigant Novo Nordisk sige farvel til omkring 400 ansatte inden for forskning og udvikling i Danmark og Kina.',
    ]);
  });

  it('has none where the item carries none', () => {
    const [item] = parseSuperdeskFile('other/ritzau_news.xml');
    expect(item.edNote).toBeUndefined();
  });
});
