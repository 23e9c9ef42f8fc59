import { parseWire } from '../../parse';
import { WireFormatError } from '../../errors/wire-format.error';

const CAPTURED_AT = new Date('2025-01-01T00:00:00Z');
const parse = (message: string, contentType: string | undefined = 'message/rfc822') =>
  parseWire({ body: Buffer.from(message.replace(/\n/g, '\r\n'), 'latin1'), contentType, capturedAt: CAPTURED_AT });
const refusal = (message: string): WireFormatError => {
  try {
    parse(message);
  } catch (error) {
    if (error instanceof WireFormatError) return error;
    throw error;
  }
  throw new Error('no refusal');
};

const MULTIPART = `Received: by 10.0.0.1 with SMTP id x; Thu, 19 Feb 2015 17:18:40 +1100
Date: Thu, 19 Feb 2015 17:18:40 +1100 (AEDT)
Message-ID: <abc123@mail.example.com>
Subject: =?utf-8?Q?Fire_crews_hold_the_line_at_Caf=C3=A9?= =?utf-8?B?IFJpZGdl?=
From: "Harvey, Ella" <ella@example.com.au>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

preamble, not part of the message
--outer
Content-Type: multipart/alternative; boundary=inner

--inner
Content-Type: text/plain; charset=windows-1252
Content-Transfer-Encoding: quoted-printable

SYDNEY: Fire crews worked through the night at Caf=E9 Ridge, officials said =
on Friday.

Residents were told to stay away.

--=20
Ella Harvey, desk phone 555
--inner
Content-Type: text/html; charset=UTF-8

<p>ignored: the plain part wins</p>
--inner--
--outer
Content-Type: image/jpeg; name="fire.jpg"
Content-Disposition: attachment; filename="fire.jpg"
Content-Transfer-Encoding: base64

/9j/4AAQSkZJRgABAQAAAQABAAD/
--outer--
epilogue
`;

describe('e-mail', () => {
  it('reads a multipart message: encoded-word subject, From, Date, Message-ID, quoted-printable windows-1252 text, attachment', () => {
    const result = parse(MULTIPART);
    expect(result.format).toBe('email');
    const [item] = result.items;
    expect(item.headline).toBe('Fire crews hold the line at Café Ridge');
    expect(item.byline).toBe('Harvey, Ella');
    expect(item.wire.guid).toBe('<abc123@mail.example.com>');
    expect(item.versionCreated).toBe('2015-02-19T06:18:40.000Z');
    expect(item.dateline).toBe('SYDNEY');
    expect(item.body.map((block) => block.text)).toEqual([
      'Fire crews worked through the night at Café Ridge, officials said on Friday.',
      'Residents were told to stay away.',
    ]);
    expect(item.media).toEqual([{ kind: 'picture', mimeType: 'image/jpeg', renditions: [{ name: 'original', mimeType: 'image/jpeg' }] }]);
  });

  it('is sniffed from its header block without a content type', () => {
    expect(parse(MULTIPART, undefined).format).toBe('email');
    expect(parse(MULTIPART, 'text/plain').format).toBe('email');
  });

  it('takes the HTML part as text when there is no plain part, base64 in its declared charset', () => {
    const html = Buffer.from('<div><p>Première ligne</p><p>Second &amp; last</p></div>', 'latin1').toString('base64');
    const [item] = parse(`From: desk@example.com
Subject: Bulletin
Content-Type: text/html; charset=iso-8859-1
Content-Transfer-Encoding: base64

${html}
`).items;
    expect(item.body.map((block) => block.text)).toEqual(['Première ligne', 'Second & last']);
    expect(item.byline).toBe('desk@example.com');
  });

  it('decodes a Q word that carries raw 8-bit characters in their own charset', () => {
    const message = `From: Ben <ben@example.com>\nSubject: =?windows-1252?Q?TravTalk’s_Special?=\n\nBody.\n`;
    const [item] = parseWire({ body: Buffer.from(message, 'utf8'), contentType: 'message/rfc822', capturedAt: CAPTURED_AT }).items;
    expect(item.headline).toBe('TravTalk’s Special');
  });

  it('reads a form e-mail: the answers give headline, abstract, slug, dateline, byline, urgency and body', () => {
    const form = JSON.stringify({
      Dateline: ['BRISBANE', ''],
      Headline: ['Storm cuts power to 20,000 homes'],
      Abstract: ['Crews expect to restore power by Sunday.'],
      Slugline: ['Weather Qld'],
      'News Value': ['2'],
      Username: ['reporter@example.com'],
      Body: ['First paragraph.\n\nSecond paragraph.'],
    }).replace('by Sunday', 'by\nSunday'); // a raw line break inside a string, as form mailers wrap them
    const [item] = parse(
      `From: forms@example.com\nSubject: Formatted Editorial Story\nContent-Type: text/plain; charset=UTF-8; format=flowed; delsp=yes\n\n${form}\n`,
    ).items;
    expect(item).toMatchObject({
      headline: 'Storm cuts power to 20,000 homes',
      summary: ['Crews expect to restore power by Sunday.'],
      wire: { slug: 'Weather Qld' },
      dateline: 'BRISBANE',
      byline: 'reporter@example.com',
      urgency: 2,
    });
    expect(item.body.map((block) => block.text)).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it('keeps the plain text of a message that only looks like a form', () => {
    const [item] = parse(`From: a@example.com\nSubject: Note\n\n{"not": "a form"}\n`).items;
    expect(item.body.map((block) => block.text)).toEqual(['{"not": "a form"}']);
  });

  it('refuses a message without a boundary, nesting too deep, too many parts, or no message headers', () => {
    expect(refusal('From: a@example.com\nSubject: x\nContent-Type: multipart/mixed\n\nbody\n').details).toMatchObject({ reason: 'mime-boundary-missing' });
    const deep = Array.from({ length: 12 }, (_, i) => `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n`).join('');
    expect(refusal(`From: a@example.com\nSubject: x\n${deep}`).details).toMatchObject({ reason: 'mime-too-deep' });
    const many = Array.from({ length: 600 }, () => '--b\nContent-Type: text/plain\n\nx\n').join('');
    expect(refusal(`From: a@example.com\nSubject: x\nContent-Type: multipart/mixed; boundary=b\n\n${many}--b--\n`).details).toMatchObject({
      reason: 'mime-too-many-parts',
    });
    expect(refusal('X-Note: nothing a message has\n\nbody\n').details).toMatchObject({ reason: 'email-no-headers' });
    expect(
      refusal('From: a@example.com\nSubject: x\nContent-Type: text/plain; charset=x-no-such-charset\nContent-Transfer-Encoding: base64\n\nYm9keQ==\n').code,
    ).toBe('UNSUPPORTED_ENCODING');
  });

  it('does not take copy for a message', () => {
    expect(parse('From: the desk\nSEOUL: Copy that opens like a header.\n', 'text/plain').format).not.toBe('email');
  });
});
