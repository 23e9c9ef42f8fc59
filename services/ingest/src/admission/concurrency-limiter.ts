/** Counts requests in flight and refuses one past the limit; what it admits it releases exactly once. */
export class ConcurrencyLimiter {
  private current = 0;

  constructor(readonly limit: number) {}

  get inFlight(): number {
    return this.current;
  }

  /** A release function when there is room, else null. Calling the release more than once releases once. */
  tryAcquire(): (() => void) | null {
    if (this.current >= this.limit) return null;
    this.current++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.current--;
    };
  }
}
