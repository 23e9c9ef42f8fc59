import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * There is no Docker engine to run docker-compose.yml here, so this reads it as YAML (anchors
 * and merge keys resolved, as Compose resolves them) and checks what a broken edit would break.
 */

const ROOT = path.resolve(__dirname, '..');

interface ComposeService {
  image?: string;
  command?: string | string[];
  environment?: Record<string, string | number>;
  volumes?: string[];
  healthcheck?: { test?: string[]; disable?: boolean };
  profiles?: string[];
  depends_on?: Record<string, { condition: string }>;
}

const compose = load(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const services = compose.services;

/** Jobs that run once and exit: the others wait for them to complete, not to be healthy. */
const oneShot = new Set(
  Object.values(services).flatMap((s) =>
    Object.entries(s.depends_on ?? {})
      .filter(([, d]) => d.condition === 'service_completed_successfully')
      .map(([name]) => name),
  ),
);

const PIPELINE_WITH_DATABASE = ['ingest', 'dedupe', 'publish', 'console'];

function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

describe('docker-compose.yml', () => {
  it('runs the whole pipeline and the console, and gives every long-running service a healthcheck', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['kafka', 'postgres', 'ingest', 'normalise', 'dedupe', 'publish', 'console']));
    expect([...oneShot]).toEqual(['setup']);
    const missing = Object.entries(services)
      .filter(([name, s]) => !oneShot.has(name) && (!s.healthcheck?.test || s.healthcheck.disable))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('checks each Copydesk service on its own port’s readiness endpoint', () => {
    const ports: Record<string, number> = { ingest: 8081, normalise: 8082, dedupe: 8083, publish: 8084, console: 8080 };
    for (const [name, port] of Object.entries(ports)) {
      expect([name, services[name].healthcheck?.test?.join(' ')]).toEqual([name, expect.stringContaining(`http://127.0.0.1:${port}/health/ready`)]);
    }
  });

  it('keeps the broker’s data on its volume: the mounted path is the log directory the broker is told to use', () => {
    const kafka = services.kafka;
    const logDirs = String(kafka.environment?.KAFKA_LOG_DIRS);
    const mounts = (kafka.volumes ?? []).map((v) => v.split(':'));
    expect(mounts).toContainEqual([expect.any(String), logDirs]);
    const [volume] = mounts.find(([, target]) => target === logDirs) ?? [];
    expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it('connects each service with a database to it as its own role, and migrates it as that role before starting', () => {
    const users = PIPELINE_WITH_DATABASE.map((name) => userOf(String(services[name].environment?.DATABASE_URL)));
    expect(users).toEqual(PIPELINE_WITH_DATABASE);
    expect(new Set(users).size).toBe(users.length);
    expect(users).not.toContain('postgres');
    expect(services.normalise.environment?.DATABASE_URL).toBeUndefined();
    for (const name of PIPELINE_WITH_DATABASE) {
      expect([name, [services[name].command].flat().join(' ')]).toEqual([
        name,
        expect.stringMatching(new RegExp(`services/${name}/src/migrate\\.js && exec .*services/${name}/src/main\\.js`)),
      ]);
    }
  });

  it('creates those roles, each owning its schema, in the init SQL the postgres container runs', () => {
    const mount = (services.postgres.volumes ?? []).map((v) => v.split(':')).find(([, target]) => target === '/docker-entrypoint-initdb.d');
    expect(mount).toBeDefined();
    const dir = path.join(ROOT, (mount as string[])[0]);
    const sql = readFileSync(path.join(dir, '10-service-roles.sql'), 'utf8');
    for (const role of PIPELINE_WITH_DATABASE) {
      expect(sql).toMatch(new RegExp(`CREATE ROLE ${role} LOGIN PASSWORD :'${role}_password';`));
      expect(sql).toContain(`CREATE SCHEMA ${role} AUTHORIZATION ${role};`);
      // The password the service connects with is the one the role is created with.
      const variable = `${role.toUpperCase()}_DB_PASSWORD`;
      expect(sql).toContain(`\\getenv ${role}_password ${variable}`);
      const given = String(services.postgres.environment?.[variable]);
      expect(String(services[role].environment?.DATABASE_URL)).toContain(`:${given}@`);
    }
  });

  it('starts Prometheus and Grafana only under the observability profile, with their configuration from the repository', () => {
    expect(services.prometheus.profiles).toEqual(['observability']);
    expect(services.grafana.profiles).toEqual(['observability']);
    const withProfiles = Object.entries(services).filter(([, s]) => s.profiles);
    expect(withProfiles.map(([name]) => name).sort()).toEqual(['grafana', 'prometheus']);
    const binds = [...(services.prometheus.volumes ?? []), ...(services.grafana.volumes ?? [])].filter((v) => v.startsWith('./')).map((v) => v.split(':')[0]);
    expect(binds.sort()).toEqual(['./infra/grafana/dashboards', './infra/grafana/provisioning', './infra/prometheus/prometheus.yml']);
  });

  it('refers only to files that are in the repository', () => {
    const binds = Object.values(services).flatMap((s) => (s.volumes ?? []).filter((v) => v.startsWith('./')).map((v) => v.split(':')[0]));
    const expected = [
      ...binds,
      './infra/grafana/provisioning/datasources/prometheus.yml',
      './infra/grafana/provisioning/dashboards/copydesk.yml',
      './infra/grafana/dashboards/copydesk.json',
    ];
    expect(expected.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
  });
});
