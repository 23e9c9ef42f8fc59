import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CanonicalItem } from '@copydesk/contracts';
import { parseWire } from '../../parse';

const one = (file: string): CanonicalItem => {
  const body = readFileSync(resolve(__dirname, '../../../../..', '../shared/corpus/superdesk/newsml12', file));
  const result = parseWire({ body, capturedAt: new Date('2026-01-01T00:00:00Z') });
  expect(result.format).toBe('newsml-1.2');
  expect(result.items).toHaveLength(1);
  return result.items[0];
};

describe('NewsML 1.2 (Superdesk corpus)', () => {
  it('reads AFP: stable guid and revision, lines, management, subjects without repeats, NITF body', () => {
    const item = one('afp.xml');
    expect(item.headline).toBe('Sweden court accepts receivership for Saab carmaker');
    expect(item.wire).toEqual({ guid: 'urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86', version: '1', slug: 'Sweden-SAAB' });
    expect(item.dateline).toBe('STOCKHOLM, Aug 29, 2014 (AFP)');
    expect(item.language).toBe('en');
    expect(item.urgency).toBe(4);
    expect(item.pubStatus).toBe('usable');
    expect(item.signals).toEqual([]);
    expect(item.byline).toBeUndefined();
    expect(item.firstCreated).toBe('2014-08-29T13:49:51.000Z');
    expect(item.versionCreated).toBe('2014-08-29T13:49:51.000Z');
    expect(item.subjects.map((subject) => subject.code)).toEqual(['04011002', '04016007', '04000000', '04016038', '04011000']);
    expect(item.subjects[2].name).toBe('economy, business and finance');
    expect(item.body[0].text).toMatch(/^A Chinese-owned company set up to take over Saab's assets/);
    expect(item.body).toHaveLength(10);
  });

  it('reads AFP 2024, whose prolog says ISO-8859-1 over UTF-8 bytes, with its French intact', () => {
    const item = one('afp20.xml');
    expect(item.headline).toBe("Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée");
    expect(item.wire).toEqual({ guid: 'urn:newsml:afp.com:20240710:240710125902.qpsp2jzk', version: '1', slug: 'procès-santé-secours' });
    expect(item.dateline).toBe('Strasbourg, 10 juil 2024 (AFP)');
    expect(item.language).toBe('fr');
    expect(item.urgency).toBeUndefined();
    expect(item.versionCreated).toBe('2024-07-10T12:59:02.000Z');
    expect(item.body[0].text).toMatch(/^L'opératrice du Samu condamnée pour non-assistance à personne en danger après avoir raillé/);
  });

  it('reads ANA-MPA: escaped HTML body, sub-headline as summary, topic names', () => {
    const item = one('ana1.xml');
    expect(item.headline).toBe('Wage employment balance positive in Jan-March');
    expect(item.summary).toHaveLength(1);
    expect(item.body[0].text).toMatch(/^Wage employment in the private sector grew in March/);
    expect(item.body.at(-1)?.text).toMatch(/^© ΑΠΕ-ΜΠΕ ΑΕ/);
    expect(item.subjects).toContainEqual({ code: '04008004', scheme: 'subj', name: 'Economic Indicator' });
    expect(item.firstCreated).toBe('2018-04-04T14:58:59.000Z');
  });
});

describe('NewsML 1.2 (constructed)', () => {
  const parse = (xml: string) => parseWire({ body: Buffer.from(xml), capturedAt: new Date() }).items;

  it('reads photo components as media, management instructions as signals, a status change as embargo', () => {
    const [item] = parse(`<NewsML><NewsItem>
      <Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20240101</DateId><NewsItemId>X1</NewsItemId><RevisionId>3</RevisionId></NewsIdentifier></Identification>
      <NewsManagement><Status FormalName="Embargoed"/><StatusWillChange><FutureStatus FormalName="Usable"/><DateAndTime>20240102T060000Z</DateAndTime></StatusWillChange>
        <Instruction FormalName="Correction"/></NewsManagement>
      <NewsComponent><NewsLines><HeadLine>Story</HeadLine></NewsLines>
        <NewsComponent><ContentItem><MediaType FormalName="Text"/><DataContent><p>Body.</p></DataContent></ContentItem></NewsComponent>
        <NewsComponent><ContentItem Href="http://x/p.jpg"><MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/></ContentItem>
          <ContentItem><MediaType FormalName="Text"/><DataContent>A caption.</DataContent></ContentItem></NewsComponent>
      </NewsComponent></NewsItem></NewsML>`);
    expect(item.wire).toEqual({ guid: 'urn:newsml:afp.com:20240101:X1', version: '3' });
    expect(item.signals).toEqual(['update', 'correction']);
    expect(item.pubStatus).toBe('usable');
    expect(item.embargo).toBe('2024-01-02T06:00:00.000Z');
    expect(item.body).toEqual([{ kind: 'paragraph', text: 'Body.' }]);
    expect(item.media).toEqual([{ kind: 'picture', href: 'http://x/p.jpg', mimeType: 'image/jpeg', caption: 'A caption.' }]);
  });
});
