/** NewsML-G2 news items of our own, for the id-bearing sequence: an NITF body in inlineXML. */
export const G2_CONTENT_TYPE = 'application/vnd.iptc.g2.newsitem+xml';

export interface G2Item {
  guid: string;
  version: number;
  versionCreated: string;
  headline: string;
  paragraphs: string[];
  pubStatus?: 'usable' | 'withheld' | 'canceled';
  signal?: 'sig:update' | 'sig:correction';
  previousVersion?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function g2Item(i: G2Item): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${esc(i.guid)}" version="${i.version}" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="en-GB">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml" />
  <itemMeta>
    <itemClass qcode="ninat:text" />
    <provider qcode="nprov:EXAMPLE" />
    <versionCreated>${i.versionCreated}</versionCreated>
    <firstCreated>2025-05-06T08:00:00Z</firstCreated>
    <pubStatus qcode="stat:${i.pubStatus ?? 'usable'}" />
    ${i.signal ? `<signal qcode="${i.signal}" />` : ''}
    ${i.previousVersion ? `<link rel="irel:previousVersion" residref="${esc(i.previousVersion)}" contenttype="${G2_CONTENT_TYPE}" />` : ''}
  </itemMeta>
  <contentMeta>
    <language tag="en-GB" />
    <headline>${esc(i.headline)}</headline>
    <dateline>FRANKFURT, May 6 (Example News)</dateline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/nitf+xml">
      <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
        <body>
          <body.head><hedline><hl1>${esc(i.headline)}</hl1></hedline></body.head>
          <body.content>
            ${i.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n            ')}
          </body.content>
        </body>
      </nitf>
    </inlineXML>
  </contentSet>
</newsItem>
`;
}

export const ECB = [
  'The European Central Bank kept its deposit rate at 2.25 percent on Tuesday, as policymakers waited for clearer signs that inflation in the euro zone was settling at its target.',
  'ECB President Christine Lagarde said the bank was in a good place but would stay vigilant as trade tensions clouded the outlook for growth across the 20 countries that share the euro.',
  'Markets had fully priced in the decision, and the euro was little changed against the dollar after the announcement.',
];
export const ECB_MORE = 'Several policymakers had argued in recent weeks for a pause, saying earlier cuts were still working their way through the economy.';
export const KILL_NOTICE = 'This story has been withdrawn. Please delete all earlier versions. No replacement will be issued.';
