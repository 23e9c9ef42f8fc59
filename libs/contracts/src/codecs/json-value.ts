import { ContractError } from '../errors/contract-error';
import { ContractErrorCode } from '../errors/contract-error-code.enum';

export function encodeJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/** The value of a JSON topic, parsed; MALFORMED_MESSAGE when there is none or it is not JSON. */
export function decodeJson(value: Buffer | null): unknown {
  if (!value || value.length === 0) throw new ContractError(ContractErrorCode.MalformedMessage, 'message has no value');
  try {
    return JSON.parse(value.toString('utf8'));
  } catch (e) {
    throw new ContractError(ContractErrorCode.MalformedMessage, `message value is not JSON: ${(e as Error).message}`);
  }
}
