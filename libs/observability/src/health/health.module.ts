import { DynamicModule, Module, Provider } from '@nestjs/common';
import { HEALTH_CHECKS } from './health-check';
import { HealthController } from './health.controller';

@Module({})
export class HealthModule {
  /** `checks` is a provider of HealthCheck[] under the HEALTH_CHECKS token (a factory, usually). */
  static register(checks: Omit<Provider, 'provide'> & { inject?: unknown[] }): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ ...(checks as object), provide: HEALTH_CHECKS } as Provider],
    };
  }
}
