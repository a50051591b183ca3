// The requests a lane has decided recently, rebuilt on the page from the `requests` array of
// each snapshot (REQUEST_FIELDS numbers per request). The timeline draws them and the
// inspector steps through them; both read this store directly, without React state.
import { REQUEST_FIELDS } from '../model/RequestLog.ts';

export interface RequestView {
  /** The request's number in the run (1 for the first), from the simulation itself. */
  readonly seq: number;
  readonly t: number;
  readonly allowed: boolean;
  readonly gateway: number;
  readonly remaining: number;
  readonly resetInS: number;
  readonly retryAfterS: number;
  readonly delayS: number;
  readonly outage: boolean;
}

/** Most requests kept, whatever the window: enough for two windows at high rates. */
export const MAX_KEPT = 6000;

export class RecentRequests {
  items: RequestView[] = [];
  private lastNowS = 0;
  /** Bumped on every change, so views can tell whether to redraw. */
  version = 0;

  /** Adds a snapshot's new requests; a clock that went back means a new run. */
  add(nowS: number, packed: Float64Array | undefined, keepS: number): void {
    if (nowS < this.lastNowS) this.clear();
    this.lastNowS = nowS;
    if (packed && packed.length >= REQUEST_FIELDS) {
      for (let o = 0; o + REQUEST_FIELDS <= packed.length; o += REQUEST_FIELDS) {
        this.items.push({
          seq: packed[o + 8] ?? 0,
          t: packed[o] ?? 0,
          allowed: packed[o + 1] === 1,
          gateway: packed[o + 2] ?? 0,
          remaining: packed[o + 3] ?? 0,
          resetInS: packed[o + 4] ?? 0,
          retryAfterS: packed[o + 5] ?? 0,
          delayS: packed[o + 6] ?? 0,
          outage: packed[o + 7] === 1,
        });
      }
      this.version++;
    }
    const from = nowS - keepS;
    let drop = 0;
    while (drop < this.items.length && (this.items[drop]?.t ?? 0) < from) drop++;
    drop = Math.max(drop, this.items.length - MAX_KEPT);
    if (drop > 0) {
      this.items.splice(0, drop);
      this.version++;
    }
  }

  clear(): void {
    this.items = [];
    this.lastNowS = 0;
    this.version++;
  }

  latest(rejectedOnly = false): RequestView | undefined {
    for (let i = this.items.length - 1; i >= 0; i--) {
      const r = this.items[i];
      if (r && (!rejectedOnly || !r.allowed)) return r;
    }
    return undefined;
  }

  /** The request `step` places after (or before, when negative) request `seq`. */
  neighbour(seq: number, step: number): RequestView | undefined {
    const i = this.items.findIndex((r) => r.seq === seq);
    if (i < 0) return this.latest();
    const j = Math.min(this.items.length - 1, Math.max(0, i + step));
    return this.items[j];
  }
}
