import { nameRoute, routeOf, UNMATCHED_ROUTE } from './http-metrics';

describe('routeOf', () => {
  const res = (locals: Record<string, unknown> = {}) => ({ locals });

  it('labels a request by the pattern of the route that took it, never by its URL', () => {
    expect(routeOf({ baseUrl: '', route: { path: '/v1/stories/:id' } }, res())).toBe('/v1/stories/:id');
    expect(routeOf({ baseUrl: '/api', route: { path: '/topics/:name' } }, res())).toBe('/api/topics/:name');
  });

  it('takes the route a middleware named when no route took the request, else unmatched', () => {
    const named = res();
    nameRoute(named as never, '/v1/wire');
    expect(routeOf({ baseUrl: '' }, named)).toBe('/v1/wire');
    expect(routeOf({ baseUrl: '' }, res())).toBe(UNMATCHED_ROUTE);
    expect(routeOf({ baseUrl: '', route: { path: /regex/ } }, res())).toBe(UNMATCHED_ROUTE);
  });
});
