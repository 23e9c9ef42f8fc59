/**
 * `npm run chaos`: the fault suite at full length (10,000 items at 25/s, PostgreSQL down for
 * 30 s) on a PostgreSQL cluster and a broker of its own. Prints the accounting and the
 * recovery of each fault, and exits non-zero if anything was lost, duplicated or
 * dead-lettered, or the pipeline took longer than 10 s to take up its work after a SIGKILL (of the
 * broker: after it was back).
 *
 *   npm run chaos                              # 10,000 items at 25/s
 *   npm run chaos -- --items 3000 --rate 25 --outage 10
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { formatReport, runChaos } from './chaos-run';

const RECOVERY_LIMIT_S = 10;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '10000' },
      rate: { type: 'string', default: '25' },
      outage: { type: 'string', default: '30' },
      port: { type: 'string', default: '25400' },
    },
  });
  const report = await runChaos({
    items: Number(values.items),
    rate: Number(values.rate),
    outageMs: Number(values.outage) * 1000,
    basePort: Number(values.port),
    name: 'chaos',
    log: (line) => console.error(`[chaos] ${line}`),
  });
  console.log(formatReport(report));
  const slow = report.faults.filter((f) => f.fault.startsWith('SIGKILL') && (f.recoveryS === null || f.recoveryS > RECOVERY_LIMIT_S));
  const ok = report.lost === 0 && report.duplicates === 0 && report.deadLetters === 0 && slow.length === 0;
  console.log(ok ? 'chaos: passed' : `chaos: FAILED${slow.length ? ` (slow recovery: ${slow.map((f) => f.fault).join(', ')})` : ''}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
