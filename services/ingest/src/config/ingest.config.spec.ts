import { ConfigError, loadConfig } from '@copydesk/config';
import { IngestConfig } from './ingest.config';

describe('IngestConfig: the drop folder', () => {
  it('is off by default, and needs no source then', () => {
    expect(loadConfig(IngestConfig, {})).toMatchObject({ INGEST_DROP_DIR: '', INGEST_DROP_SOURCE: '' });
  });

  it('refuses to start with a drop folder but no source, saying which variable is missing', () => {
    let problems: string[] = [];
    try {
      loadConfig(IngestConfig, { INGEST_DROP_DIR: '/var/spool/copydesk' });
    } catch (e) {
      problems = e instanceof ConfigError ? e.problems : [String(e)];
    }
    expect(problems).toEqual(['INGEST_DROP_SOURCE must name a registered source when INGEST_DROP_DIR is set']);
    expect(loadConfig(IngestConfig, { INGEST_DROP_DIR: '/var/spool/copydesk', INGEST_DROP_SOURCE: 'Desk' })).toMatchObject({ INGEST_DROP_SOURCE: 'Desk' });
  });
});
