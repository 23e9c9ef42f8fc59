// Bound once: these run once per line or per text, and a global looked up per call is slow where
// the global object is intercepted (a Node vm context, as the unit tests run in).
const fromCharCode = String.fromCharCode;
const CodeUnits = Uint16Array;

/** Code units turned into a string this many at a time (one call's arguments). */
const CHUNK = 8_192;
// The text functions are synchronous and never re-entered, so one buffer serves every ordinary call.
const SCRATCH = new CodeUnits(16_384);

/**
 * A buffer for up to `length` UTF-16 code units, to build a string in one pass rather than by a
 * replacement per match (whose cost grew faster than the text). The shared one for ordinary texts:
 * read it with `stringOf` before the next call.
 */
export function codeUnitBuffer(length: number): Uint16Array {
  return length <= SCRATCH.length ? SCRATCH : new CodeUnits(length);
}

/** A string of up to CHUNK code units: the buffer passed as the argument list (spreading it would copy it through an iterator, several times slower). */
function charsOf(units: Uint16Array): string {
  return Reflect.apply(fromCharCode, null, units) as string;
}

/** The first `length` code units as a string, exactly (lone surrogates included, unlike a UTF-16 decoder). */
export function stringOf(units: Uint16Array, length: number): string {
  if (length === 0) return '';
  if (length <= CHUNK) return charsOf(units.subarray(0, length));
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) parts.push(charsOf(units.subarray(i, Math.min(length, i + CHUNK))));
  return parts.join('');
}
