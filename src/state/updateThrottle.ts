// Keeps the page responsive however expensive a render is: values pushed faster than the page
// can draw them are coalesced, only the latest is applied, at most every MIN_UPDATE_MS, and after
// each update the main thread gets at least IDLE_FACTOR times that update's cost to itself
// (for input, animation frames and the canvas) before the next one.

/** Least wall time between two applied updates (charts and readouts refresh at 10 Hz or less). */
export const MIN_UPDATE_MS = 100;
/** Idle time kept after an update, as a multiple of what the update cost. */
export const IDLE_FACTOR = 2;

/** Clock and timers, injected so tests can drive them. */
export interface ThrottleEnv {
  now(): number;
  later(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

const browserEnv: ThrottleEnv = {
  now: () => performance.now(),
  later: (fn, ms) => setTimeout(fn, ms),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Applies the latest pushed value, coalescing bursts and pacing by measured cost. */
export class UpdateThrottle<T> {
  private pending: { readonly value: T } | null = null;
  private timer: unknown = null;
  private measuring = false;
  private nextAt = -Infinity;
  private disposed = false;

  constructor(
    private readonly apply: (value: T) => void,
    private readonly env: ThrottleEnv = browserEnv,
  ) {}

  /** Queues `value`, replacing any value not applied yet. */
  push(value: T): void {
    if (this.disposed) return;
    this.pending = { value };
    this.schedule();
  }

  /** Drops a value not applied yet (it would be stale, for example after a restart). */
  clear(): void {
    this.pending = null;
  }

  dispose(): void {
    this.disposed = true;
    this.pending = null;
    if (this.timer !== null) this.env.cancel(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer !== null || this.measuring || this.pending === null || this.disposed) return;
    const wait = Math.max(0, this.nextAt - this.env.now());
    this.timer = this.env.later(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    const pending = this.pending;
    if (pending === null || this.disposed) return;
    this.pending = null;
    const t0 = this.env.now();
    this.apply(pending.value);
    // Renders caused by `apply` (React flushes store updates in a microtask) finish before the
    // next task, so a zero-delay timer measures what the update really cost.
    this.measuring = true;
    this.env.later(() => {
      this.measuring = false;
      const end = this.env.now();
      this.nextAt = Math.max(t0 + MIN_UPDATE_MS, end + IDLE_FACTOR * (end - t0));
      this.schedule();
    }, 0);
  }
}
