import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { CommonConfig } from '@copydesk/config';

export class PublishConfig extends CommonConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PUBLISH_PORT = 8084;

  @IsString()
  PUBLISH_GROUP_ID = 'copydesk-publish';

  /** Base of the ninjs `uri` and CloudEvents `source`. */
  @Matches(/^[a-z][a-z0-9+.-]*:\S+$/i, { message: 'PUBLISH_URI_BASE must be a URI, e.g. urn:copydesk' })
  PUBLISH_URI_BASE = 'urn:copydesk';

  /** IANA time zone in which "Updated 06 September 2024" labels are rendered. */
  @IsString()
  LABEL_TIME_ZONE = 'UTC';
}
