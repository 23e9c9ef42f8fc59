import { Header, Topic } from '@copydesk/contracts';
import { messageView, payloadView } from './message-view';

describe('payload views', () => {
  it('shows raw copy as text in its declared charset', () => {
    const view = payloadView(Topic.WireRaw, Buffer.from([0x63, 0x61, 0x66, 0xe9]), { [Header.ContentType]: 'text/plain; charset=iso-8859-1' });
    expect(view).toMatchObject({ kind: 'raw-submission', text: 'café', truncated: false });
  });

  it('shows binary raw copy in hex', () => {
    expect(payloadView(Topic.WireRaw, Buffer.from([0, 1, 2, 0xff]), { [Header.ContentType]: 'application/octet-stream' })).toMatchObject({
      kind: 'hex',
      hex: '000102ff',
    });
  });

  it('shows what cannot be read as JSON in hex, and flags JSON that breaks its contract', () => {
    expect(payloadView(Topic.WireNormalised, Buffer.from([0xff, 0x00]), {})).toMatchObject({ kind: 'hex', hex: 'ff00' });
    const invalid = payloadView(Topic.StoryVersions, Buffer.from('{"a":1}'), {});
    expect(invalid).toMatchObject({ kind: 'story-version', json: { a: 1 }, valid: false });
    expect(payloadView('elsewhere', Buffer.from('hi'), {})).toEqual({ kind: 'hex', hex: '6869', truncated: false });
  });

  it('shows a dead letter’s payload as it was on its original topic', () => {
    const view = messageView({
      topic: Topic.WireDlq,
      partition: 0,
      offset: '3',
      key: 'k',
      value: Buffer.from('<img src=x onerror=alert(1)>'),
      headers: { [Header.DlqTopic]: Topic.WireRaw, [`${Header.DlqOriginalHeaderPrefix}${Header.ContentType}`]: 'text/plain' },
      timestamp: '0',
    });
    expect(view.payload).toMatchObject({ kind: 'raw-submission', text: '<img src=x onerror=alert(1)>' });
  });
});
