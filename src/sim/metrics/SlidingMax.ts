// Exact maximum number of events in any half-open window (t − W, t] over a stream of
// non-decreasing times: what `maxAcceptedInWindow` reports. Two pointers over a ring.
import { TimeRing } from '../core/TimeRing.ts';

/**
 * Feed it event times in non-decreasing order with `add`. The ring keeps only the events in
 * (t − W, t] for the latest t (an event at s is dropped once s <= t − W, the same test the
 * sliding log uses), so memory is bounded by the largest count it reports, and each event is
 * pushed and dropped once: O(1) amortised. The busiest window always ends at an event, so
 * checking the count after each event gives the exact maximum over all windows.
 */
export class SlidingMax {
  private readonly windowS: number;
  private readonly ring: TimeRing;
  private best = 0;
  private bestEnd = NaN;

  /** `windowS` > 0 is the window length W. */
  constructor(windowS: number, initialCapacity = 16) {
    if (!(windowS > 0) || !Number.isFinite(windowS)) {
      throw new RangeError(`windowS must be a finite number > 0, got ${windowS}`);
    }
    this.windowS = windowS;
    this.ring = new TimeRing(initialCapacity);
  }

  /** Records one event at `t` (>= every earlier `t`); returns the count in (t − W, t]. */
  add(t: number): number {
    const ring = this.ring;
    ring.dropUpTo(t - this.windowS);
    ring.push(t);
    const n = ring.length;
    if (n > this.best) {
      this.best = n;
      this.bestEnd = t;
    }
    return n;
  }

  /** The largest count seen in any window (t − W, t] so far; 0 before any event. */
  get max(): number {
    return this.best;
  }

  /** End t of the first window that reached `max` (NaN before any event). */
  get maxEndS(): number {
    return this.bestEnd;
  }

  /** Events in (t − W, t] for the latest `t` added. */
  get current(): number {
    return this.ring.length;
  }

  /**
   * Events in (t − W, t] for a `t` at or after the latest event added, without changing any
   * state (O(log n)): the rolling count "now" between events.
   */
  countAt(t: number): number {
    return this.ring.countAbove(t - this.windowS);
  }

  /** Forgets everything (keeps the storage). */
  reset(): void {
    this.ring.clear();
    this.best = 0;
    this.bestEnd = NaN;
  }
}
