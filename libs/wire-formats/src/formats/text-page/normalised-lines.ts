import { normaliseText } from '../../text/normalise-text';

/** The page's lines, normalised on first use so a cheap scan of a large page normalises only what it reads. */
export class NormalisedLines {
  private readonly cache: (string | undefined)[];

  constructor(private readonly raw: readonly string[]) {
    this.cache = new Array<string | undefined>(raw.length);
  }

  get length(): number {
    return this.raw.length;
  }

  /** Raw line, as decoded. */
  rawAt(index: number): string {
    return this.raw[index];
  }

  /** Normalised line: no-break spaces to spaces, runs collapsed, trimmed ('' for a blank line). */
  at(index: number): string {
    let text = this.cache[index];
    if (text === undefined) {
      text = normaliseText(this.raw[index]);
      this.cache[index] = text;
    }
    return text;
  }

  slice(start: number, end: number): string[] {
    const texts: string[] = [];
    for (let i = start; i < end; i++) texts.push(this.at(i));
    return texts;
  }
}
