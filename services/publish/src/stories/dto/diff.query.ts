import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

export class DiffQuery {
  @ApiProperty({ description: 'The older version number.', minimum: 1, example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from!: number;

  @ApiProperty({ description: 'The newer version number.', minimum: 1, example: 2 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to!: number;
}
