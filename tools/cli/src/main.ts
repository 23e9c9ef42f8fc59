import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { JsonLogger } from '@copydesk/observability';
import { runProgram } from './program';

// Library logs (kafkajs, topic admin) go to stderr as JSON, warnings and errors only.
Logger.overrideLogger(new JsonLogger({ service: 'cli', level: 'warn', write: (line) => process.stderr.write(line + '\n') }));

runProgram(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
