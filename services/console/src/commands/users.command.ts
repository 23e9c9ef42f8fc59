import 'reflect-metadata';
import { loadConfig } from '@copydesk/config';
import { assertMigrated } from '@copydesk/database';
import { runCommand } from '@copydesk/observability';
import { isRole } from '../auth/role';
import { UsersRepository } from '../auth/users.repository';
import { UsersService } from '../auth/users.service';
import { ConsoleConfig } from '../config/console.config';
import { CONSOLE_SCHEMA, createConsoleDataSource } from '../database/console-data-source';

const USAGE = 'usage: copydesk users add NAME --role viewer|operator|admin [--password PASSWORD] | copydesk users list';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
}

/** `copydesk users add NAME --role R [--password P]` prints {"username","role","password"}: the password is shown once. */
async function main(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  const role = option(rest, '--role');
  const password = option(rest, '--password');
  if (!((verb === 'add' && rest.length === 1 && isRole(role)) || (verb === 'list' && rest.length === 0))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const dataSource = createConsoleDataSource(loadConfig(ConsoleConfig).DATABASE_URL, 1);
  await dataSource.initialize();
  try {
    await assertMigrated(dataSource, CONSOLE_SCHEMA);
    const users = new UsersService(new UsersRepository(dataSource));
    if (verb === 'list') {
      for (const u of await users.list()) process.stdout.write(JSON.stringify(u) + '\n');
      return 0;
    }
    if (!isRole(role)) return 2;
    process.stdout.write(JSON.stringify(await users.add(rest[0], role, password)) + '\n');
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

runCommand(() => main(process.argv.slice(2)));
