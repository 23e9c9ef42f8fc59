const SAMPLE_CHARS = 65_536;
/** Share of control characters above which text is taken for binary. ANPA copy carries a few (SOH, STX, ETX), far below this. */
const MAX_CONTROL_SHARE = 0.05;
/** ANPA-1312 (SYN SYN SOH) and IPTC 7901 (SOH + header) copy: tabular stories carry many format codes (BS, DLE, RS, US). */
const FRAMED_AGENCY_COPY = /^\s*(?:\u0016{1,2}\u0001|\u0001[A-Za-z]{1,4}\d{2,5} +\d +[A-Za-z])/;

/**
 * Whether decoded text is really binary data: any NUL, or more than 5 % control or replacement characters
 * in the first 64 Ki characters (tab, LF, CR, FF excluded).
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (FRAMED_AGENCY_COPY.test(sample.slice(0, 64))) return sample.includes('\u0000');
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd) {
      controls++;
    }
  }
  return sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE;
}
