import { IsString, Matches } from 'class-validator';
import { CommonConfig } from '@copydesk/config';

/** The command line's settings: the broker and database, and where `copydesk push` sends copy. */
export class CliConfig extends CommonConfig {
  /** The source's API key for `copydesk push` (or `--key`). */
  @IsString()
  COPYDESK_API_KEY = '';

  @Matches(/^https?:\/\/.+/, { message: 'COPYDESK_INGEST_URL must be an http:// or https:// URL' })
  COPYDESK_INGEST_URL = 'http://127.0.0.1:8081';
}
