import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Response } from 'express';
import { ConsoleConfig } from '../config/console.config';
import { Audited, ConsoleRequest, CurrentOperator, Public, RequireRole } from './access.decorators';
import { Operator } from './role';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './session-cookie';
import { UsersService } from './users.service';

export class LoginDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) username!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1024) password!: string;
}

export class SessionDto {
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ['viewer', 'operator', 'admin'] }) role!: string;
  @ApiProperty({ description: 'Send as X-CSRF-Token with every write.' }) csrfToken!: string;
}

@ApiTags('session')
@Controller('api/session')
export class SessionController {
  constructor(
    private readonly users: UsersService,
    private readonly config: ConsoleConfig,
  ) {}

  @Post()
  @Public()
  @HttpCode(200)
  @Audited('session.login')
  @ApiOperation({ summary: 'Log in: sets the HttpOnly session cookie and answers the CSRF token.' })
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    const hours = this.config.CONSOLE_SESSION_HOURS;
    const { token, operator } = await this.users.login(body.username, body.password, hours);
    res.setHeader('Set-Cookie', sessionCookie(token, hours * 3600, this.config.CONSOLE_COOKIE_SECURE));
    return { username: operator.username, role: operator.role, csrfToken: operator.csrfToken };
  }

  @Get()
  @ApiOperation({ summary: 'Who is logged in, with the CSRF token for writes.' })
  me(@CurrentOperator() operator: Operator): SessionDto {
    return { username: operator.username, role: operator.role, csrfToken: operator.csrfToken };
  }

  @Delete()
  @RequireRole('viewer')
  @HttpCode(200)
  @Audited('session.logout')
  @ApiOperation({ summary: 'Log out.' })
  async logout(@Req() req: ConsoleRequest, @Res({ passthrough: true }) res: Response): Promise<{ ok: true }> {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) await this.users.logout(token);
    res.setHeader('Set-Cookie', clearedSessionCookie(this.config.CONSOLE_COOKIE_SECURE));
    return { ok: true };
  }
}
