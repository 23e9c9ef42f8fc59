import { metricsExposition } from '@copydesk/observability';
import { ConsumerMetrics, consumerLag } from './consumer-metrics';

describe('consumerLag', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  const at = (secondsAgo: number) => String(now - secondsAgo * 1000);

  it('counts the messages behind the last one finished, by the high watermark (the next offset to be written)', () => {
    expect(consumerLag({ offset: '41', highWatermark: '50', timestamp: at(3) }, now)).toEqual({ messages: 8, seconds: 3 });
  });

  it('reads 0 messages and 0 seconds once caught up, however old the last message', () => {
    expect(consumerLag({ offset: '49', highWatermark: '50', timestamp: at(86_400) }, now)).toEqual({ messages: 0, seconds: 0 });
  });

  it('reads 0 before the first message, and never below 0 (a clock ahead of the broker, a stale watermark)', () => {
    expect(consumerLag({ offset: null, highWatermark: '50', timestamp: '0' }, now)).toEqual({ messages: 0, seconds: 0 });
    expect(consumerLag({ offset: '60', highWatermark: '50', timestamp: at(1) }, now)).toEqual({ messages: 0, seconds: 0 });
    expect(consumerLag({ offset: '10', highWatermark: '50', timestamp: at(-5) }, now)).toEqual({ messages: 39, seconds: 0 });
  });

  it('handles offsets past 2^32', () => {
    expect(consumerLag({ offset: '5000000000', highWatermark: '5000000101', timestamp: at(0.5) }, now)).toEqual({ messages: 100, seconds: 0.5 });
  });
});

describe('ConsumerMetrics', () => {
  it('keeps one position a partition, updated in place, and drops the partitions a rebalance took away', () => {
    const metrics = new ConsumerMetrics('g');
    const p0 = metrics.partition('t', 0);
    p0.finished('7', '1000', '9');
    expect(metrics.partition('t', 0)).toBe(p0);
    expect(p0).toMatchObject({ offset: '7', timestamp: '1000', highWatermark: '9' });
    metrics.partition('t', 1);
    metrics.partition('u', 0);
    metrics.assigned({ t: [1], v: [0] });
    expect([...metrics.positions()].map((p) => `${p.topic}/${p.partition}`)).toEqual(['t/1']);
    expect(metrics.topic('t')).toBe(metrics.topic('t'));
  });

  it('hands the messages finished to the counter when scraped, once', async () => {
    const t = new ConsumerMetrics('g-spec').topic('t');
    t.finishedMessages(3);
    t.finishedMessages(2);
    const line = 'copydesk_consumer_messages_total{group="g-spec",topic="t"} 5\n';
    expect((await metricsExposition()).body).toContain(line);
    expect((await metricsExposition()).body).toContain(line);
    t.finishedMessages(1);
    expect((await metricsExposition()).body).toContain('copydesk_consumer_messages_total{group="g-spec",topic="t"} 6\n');
  });

  it('reports the lag of the partitions of an open consumer, and none once it is closed', async () => {
    const metrics = new ConsumerMetrics('g-lag');
    metrics.open();
    metrics.partition('t', 3).finished('10', String(Date.now() - 2000), '15');
    const body = (await metricsExposition()).body;
    expect(body).toContain('copydesk_consumer_lag_messages{group="g-lag",topic="t",partition="3"} 4\n');
    expect(Number(/copydesk_consumer_lag_seconds\{group="g-lag",topic="t",partition="3"\} (\S+)/.exec(body)?.[1])).toBeGreaterThanOrEqual(2);
    metrics.close();
    expect((await metricsExposition()).body).not.toContain('group="g-lag"');
  });
});
