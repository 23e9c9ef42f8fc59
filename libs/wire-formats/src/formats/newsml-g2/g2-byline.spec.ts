import type { BodyBlock } from '@copydesk/contracts';
import { readXml } from '../xml/xml-reader';
import { creatorByline, isPlaceholderByline, splitOpeningByline } from './g2-byline';

const paragraphs = (...texts: string[]): BodyBlock[] => texts.map((text) => ({ kind: 'paragraph', text }));

describe('splitOpeningByline', () => {
  it('takes a byline paragraph that opens the story', () => {
    expect(splitOpeningByline(paragraphs('By Jonathan Underhill', 'The receivers said.'))).toEqual({
      byline: 'Jonathan Underhill',
      body: paragraphs('The receivers said.'),
    });
    expect(splitOpeningByline(paragraphs('By Anna van der Berg and Li Wei', 'Text.'))?.byline).toBe('Anna van der Berg and Li Wei');
  });

  it('leaves a body that is only a byline, a sentence, or a crosshead alone', () => {
    expect(splitOpeningByline(paragraphs('By Toby Davis'))).toBeNull();
    expect(splitOpeningByline(paragraphs('By the end of the day the talks had failed.', 'More.'))).toBeNull();
    expect(splitOpeningByline(paragraphs('By Madonna', 'More.'))).toBeNull();
    expect(splitOpeningByline([{ kind: 'crosshead', text: 'By Jane Roe' }, ...paragraphs('More.')])).toBeNull();
  });

  it('costs linear time on a long paragraph', () => {
    expect(splitOpeningByline(paragraphs(`By ${'Aa '.repeat(200_000)}`, 'More.'))).toBeNull();
  });
});

describe('isPlaceholderByline', () => {
  it('knows a desk placeholder from a name', () => {
    expect(isPlaceholderByline(undefined)).toBe(true);
    expect(isPlaceholderByline('By Staff Reporter')).toBe(true);
    expect(isPlaceholderByline('Staff')).toBe(true);
    expect(isPlaceholderByline('By Meredith Jameson')).toBe(false);
  });
});

describe('creatorByline', () => {
  const meta = (xml: string) => readXml(`<contentMeta>${xml}</contentMeta>`);

  it('joins the names of the creators that are people', () => {
    expect(creatorByline(meta('<creator uri="x"><name>Meredith Jameson</name></creator><creator><name>Li Wei</name></creator>'))).toBe(
      'Meredith Jameson, Li Wei',
    );
  });

  it('skips literals, codes, handles and initials', () => {
    expect(creatorByline(meta('<creator literal="Reuters"/><creator qcode="photCode:X01390" role="cRole:phot"/>'))).toBeUndefined();
    expect(creatorByline(meta('<creator qcode="dpa-ad:degenhardt.sandra"><name>degenhardt.sandra</name></creator>'))).toBeUndefined();
    expect(creatorByline(meta('<creator literal="VRG"><name>VRG</name></creator>'))).toBeUndefined();
  });
});
