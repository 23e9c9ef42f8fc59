import { IsInt, Min } from 'class-validator';
import { CommonConfig } from './common-config';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

class TestConfig extends CommonConfig {
  @IsInt()
  @Min(1)
  PORT = 8080;
}

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const config = loadConfig(TestConfig, { PORT: '9000' });
    expect(config.PORT).toBe(9000);
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(config).toBeInstanceOf(TestConfig);
  });

  it('lists every bad variable at once', () => {
    let caught: unknown;
    try {
      loadConfig(TestConfig, { PORT: '0', KAFKA_BROKERS: 'not a broker', LOG_LEVEL: 'loud' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/KAFKA_BROKERS/);
    expect(problems).toMatch(/LOG_LEVEL/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig(TestConfig, { PORT: '' }).PORT).toBe(8080);
  });
});
