import { readFileSync } from 'node:fs';
import { isWireFormatError, parseWire } from '@copydesk/wire-formats';
import { USAGE_STATUS } from '../commands/exit-status';

export interface ParseOptions {
  capturedAt?: string;
  contentType?: string;
}

export function parse(file: string, options: ParseOptions): number {
  const at = options.capturedAt ? new Date(options.capturedAt) : new Date();
  if (Number.isNaN(at.getTime())) {
    process.stderr.write('INVALID_CAPTURED_AT: --captured-at must be an ISO 8601 time\n');
    return USAGE_STATUS;
  }
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch (e) {
    process.stderr.write(`FILE_NOT_READABLE: ${(e as Error).message}\n`);
    return USAGE_STATUS;
  }
  try {
    const result = parseWire({ body, contentType: options.contentType, capturedAt: at });
    for (const item of result.items) process.stdout.write(JSON.stringify(item) + '\n');
    return 0;
  } catch (e) {
    if (isWireFormatError(e)) {
      process.stderr.write(`${e.code}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
