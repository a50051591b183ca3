// A growable FIFO of non-decreasing times in a typed-array ring: the store behind the sliding
// log, the leaky bucket's leave times and the exact sliding-window maximum.

/**
 * FIFO of times held in a power-of-two `Float64Array` ring that doubles when full, so pushing
 * and dropping allocate nothing once it has reached its working size. The search helpers
 * (`dropUpTo`, `countAbove`) assume the times were pushed in non-decreasing order.
 */
export class TimeRing {
  private data: Float64Array;
  private mask: number;
  private head = 0;
  /** Times currently held. */
  length = 0;

  /** `initialCapacity` is rounded up to a power of two (at least 2). */
  constructor(initialCapacity = 16) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(2, initialCapacity)));
    this.data = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  /** Slots allocated right now (grows by doubling, never shrinks). */
  get capacity(): number {
    return this.data.length;
  }

  /** Appends `t` at the back, doubling the ring first if it is full. */
  push(t: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[(this.head + this.length) & this.mask] = t;
    this.length++;
  }

  /** The `i`-th oldest time (0 = front); `i` must be below `length`. */
  at(i: number): number {
    return this.data[(this.head + i) & this.mask] as number;
  }

  /** The oldest time; NaN when empty. */
  first(): number {
    return this.length > 0 ? (this.data[this.head] as number) : NaN;
  }

  /** The newest time; NaN when empty. */
  last(): number {
    return this.length > 0 ? (this.data[(this.head + this.length - 1) & this.mask] as number) : NaN;
  }

  /** Removes the oldest time (no-op when empty). */
  shift(): void {
    if (this.length === 0) return;
    this.head = (this.head + 1) & this.mask;
    this.length--;
  }

  /** Removes every time `<= t` from the front; returns how many were removed. */
  dropUpTo(t: number): number {
    let dropped = 0;
    while (this.length > 0 && (this.data[this.head] as number) <= t) {
      this.head = (this.head + 1) & this.mask;
      this.length--;
      dropped++;
    }
    return dropped;
  }

  /** How many held times are `> t`, without removing any (binary search, O(log n)). */
  countAbove(t: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid) <= t) lo = mid + 1;
      else hi = mid;
    }
    return this.length - lo;
  }

  /** Empties the ring, keeping its storage. */
  clear(): void {
    this.head = 0;
    this.length = 0;
  }

  private grow(): void {
    const next = new Float64Array(this.data.length * 2);
    for (let i = 0; i < this.length; i++) next[i] = this.at(i);
    this.data = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}
