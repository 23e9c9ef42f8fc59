import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** Highest version number a request may name: the versions column is a PostgreSQL integer. */
export const MAX_VERSION = 2_147_483_647;

export class DiffQuery {
  @ApiProperty({ description: 'The older version number.', minimum: 1, maximum: MAX_VERSION, example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  from!: number;

  @ApiProperty({ description: 'The newer version number.', minimum: 1, maximum: MAX_VERSION, example: 2 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  to!: number;
}
