import { BeforeApplicationShutdown, Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HEALTH_CHECKS, HealthCheck, runChecks } from './health-check';

/** `/health/live`: the process runs. `/health/ready`: broker and database answer, and not shutting down. */
@Controller('health')
export class HealthController implements BeforeApplicationShutdown {
  private shuttingDown = false;

  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  /** Before the consumers and the HTTP server close: from here on the service reads as not ready. */
  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res() res: Response): Promise<void> {
    const results = await runChecks(this.checks);
    const ok = !this.shuttingDown && results.every((r) => r.status === 'up');
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: ok ? 'ready' : this.shuttingDown ? 'shutting-down' : 'not-ready',
      checks: results,
    });
  }
}
