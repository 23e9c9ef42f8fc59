import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Audited, RequireRole } from './access.decorators';
import { Role, ROLES } from './role';
import { UsersService } from './users.service';

export class AddUserDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) username!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES as unknown as string[]) role!: Role;
  @ApiPropertyOptional({ description: 'Generated (and answered once) when omitted.' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(1024)
  password?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES as unknown as string[]) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() disabled?: boolean;
  @ApiPropertyOptional({ description: 'Give the user a new generated password (answered once); their sessions end.' })
  @IsOptional()
  @IsBoolean()
  resetPassword?: boolean;
}

@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Every user (admin).' })
  list() {
    return this.users.list();
  }

  @Post()
  @RequireRole('admin')
  @Audited('user.add')
  @ApiOperation({ summary: 'Add a user (admin); the password is answered once.' })
  add(@Body() body: AddUserDto) {
    return this.users.add(body.username, body.role, body.password);
  }

  @Patch(':username')
  @RequireRole('admin')
  @Audited('user.update')
  @ApiOperation({ summary: 'Change a user’s role, disable them, or reset their password (admin).' })
  update(@Param('username') username: string, @Body() body: UpdateUserDto) {
    return this.users.update(username, body);
  }
}
