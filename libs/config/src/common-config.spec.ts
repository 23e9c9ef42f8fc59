import { brokerList, CommonConfig, parseBrokerList } from './common-config';
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
