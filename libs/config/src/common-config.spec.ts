import { brokerList, CommonConfig, otlpEndpointOf, parseBrokerList } from './common-config';
import { loadConfig } from './load-config';

describe('parseBrokerList', () => {
  it('splits host:port entries and trims each', () => {
    expect(parseBrokerList('127.0.0.1:9092, kafka-2:9092 ,kafka-3:19092')).toEqual(['127.0.0.1:9092', 'kafka-2:9092', 'kafka-3:19092']);
  });

  it('drops empty entries', () => {
    expect(parseBrokerList(' a:1,, b:2 ,')).toEqual(['a:1', 'b:2']);
    expect(parseBrokerList('')).toEqual([]);
  });

  it('reads the brokers of a loaded configuration', () => {
    expect(brokerList(loadConfig(CommonConfig, {}))).toEqual(['127.0.0.1:9092']);
    expect(brokerList(loadConfig(CommonConfig, { KAFKA_BROKERS: 'a:1,b:2' }))).toEqual(['a:1', 'b:2']);
  });
});

describe('the OTLP endpoint', () => {
  it('is off unless an endpoint is set, the traces one first', () => {
    expect(otlpEndpointOf(loadConfig(CommonConfig, {}))).toBeUndefined();
    expect(otlpEndpointOf(loadConfig(CommonConfig, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }))).toBe('http://collector:4318');
    expect(
      otlpEndpointOf(
        loadConfig(CommonConfig, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:4318/v1/traces' }),
      ),
    ).toBe('http://traces:4318/v1/traces');
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(() => loadConfig(CommonConfig, { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/);
  });
});
