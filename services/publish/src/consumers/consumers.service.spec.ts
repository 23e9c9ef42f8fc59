import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { PublishConfig } from '../config/publish.config';
import { Consumer } from './consumer';
import { generateConsumerKey, hashConsumerKey } from './consumer-key';
import { ConsumersRepository } from './consumers.repository';
import { ConsumersService } from './consumers.service';

/** The consumers table as the service sees it: one enabled key, and a count of look-ups. */
class OneKey extends ConsumersRepository {
  lookups = 0;
  enabled = true;
  constructor(
    private readonly hash: string,
    private readonly consumer: Consumer,
  ) {
    super(undefined as unknown as DataSource);
  }
  override async findActiveByKeyHash(hash: string): Promise<Consumer | null> {
    this.lookups++;
    return hash === this.hash && this.enabled ? this.consumer : null;
  }
}

function setup(ttlMs: number) {
  const apiKey = generateConsumerKey();
  const repo = new OneKey(hashConsumerKey(apiKey), { id: 'c-1', name: 'web desk', allStatuses: false });
  return { apiKey, repo, service: new ConsumersService(repo, loadConfig(PublishConfig, { PUBLISH_KEY_CACHE_TTL_MS: String(ttlMs) })) };
}

describe('ConsumersService.authenticate', () => {
  it('keeps a successful look-up for the cache time, then looks again', async () => {
    const { apiKey, repo, service } = setup(60);
    expect(await service.authenticate(apiKey)).toMatchObject({ id: 'c-1' });
    expect(await service.authenticate(apiKey)).toMatchObject({ id: 'c-1' });
    expect(repo.lookups).toBe(1);
    repo.enabled = false;
    await new Promise((r) => setTimeout(r, 90));
    expect(await service.authenticate(apiKey)).toBeNull();
    expect(repo.lookups).toBe(2);
  });

  it('never keeps a failed look-up, and looks nothing up for text that is not a key', async () => {
    const { apiKey, repo, service } = setup(60_000);
    repo.enabled = false;
    expect(await service.authenticate(apiKey)).toBeNull();
    repo.enabled = true;
    expect(await service.authenticate(apiKey)).toMatchObject({ id: 'c-1' });
    expect(repo.lookups).toBe(2);
    expect(await service.authenticate('cdk_not-a-consumer-key')).toBeNull();
    expect(repo.lookups).toBe(2);
  });

  it('looks every request up when the cache time is 0', async () => {
    const { apiKey, repo, service } = setup(0);
    await service.authenticate(apiKey);
    await service.authenticate(apiKey);
    expect(repo.lookups).toBe(2);
  });
});
