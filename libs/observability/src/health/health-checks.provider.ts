import { Provider } from '@nestjs/common';
import { HEALTH_CHECKS, HealthCheck } from './health-check';

export interface HealthChecksFactory {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...deps: any[]) => HealthCheck[] | Promise<HealthCheck[]>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  inject?: any[];
}

/**
 * The readiness checks of a service, for the module that also declares `HealthController`
 * (the checks need that module's own providers: its data source and broker client).
 */
export function healthChecksProvider(factory: HealthChecksFactory): Provider {
  return { provide: HEALTH_CHECKS, useFactory: factory.useFactory, inject: factory.inject ?? [] };
}
