// Main-thread cost of each worker message, for the browser performance test: how long the page
// spends from `onmessage` to handing the snapshot on (frame listeners, the store throttle),
// not React rendering. Off unless the page runs with the `?e2e` test hook; when off, the
// worker client installs its plain handler and nothing is measured.

/** Most messages kept; older ones are overwritten (about 4 minutes at 60 a second). */
const CAPACITY = 16_384;

/** What the probe has seen since it was enabled or last reset. */
export interface MessageProbeReport {
  /** Handling cost of each message, in ms, oldest first (at most CAPACITY). */
  readonly costsMs: number[];
  /** Every message counted since the reset, including any overwritten cost. */
  readonly count: number;
  /** performance.now() at the reset. */
  readonly sinceMs: number;
}

export class MessageProbe {
  private readonly costs = new Float64Array(CAPACITY);
  private count = 0;
  private sinceMs = performance.now();

  record(costMs: number): void {
    this.costs[this.count % CAPACITY] = costMs;
    this.count++;
  }

  reset(): void {
    this.count = 0;
    this.sinceMs = performance.now();
  }

  report(): MessageProbeReport {
    const n = Math.min(this.count, CAPACITY);
    const start = this.count > CAPACITY ? this.count % CAPACITY : 0;
    const costsMs: number[] = [];
    for (let i = 0; i < n; i++) costsMs.push(this.costs[(start + i) % CAPACITY] ?? 0);
    return { costsMs, count: this.count, sinceMs: this.sinceMs };
  }
}

let active: MessageProbe | null = null;

/** Turns measuring on for worker clients created from now on; returns the probe. */
export function enableMessageProbe(): MessageProbe {
  active ??= new MessageProbe();
  return active;
}

/** The probe, or null when measuring is off (the normal case). */
export function activeMessageProbe(): MessageProbe | null {
  return active;
}
