// A binary min-heap of simulation events: ordered by time, ties broken by insertion order, no
// allocation per event. The heap moves only (time, slot) pairs; each event's payload (sequence
// number, kind, two integer arguments) stays in slot arrays recycled through a free list.
// Beside the heap sit a few timers: each holds at most one pending event, and arming it again
// replaces that event. A traffic source's next arrival lives in a timer, so half the events of
// a queueing model never enter the heap. Timers draw sequence numbers from the same counter as
// pushes, so the order of events is exactly what it would be if they were in the heap.

/**
 * Event queue keyed by (time, insertion sequence). Each event carries a small integer kind
 * and two integer arguments. `pop()` writes the removed event into `time`, `kind`, `a`, `b`.
 */
/** Timers one queue can hold; a model needs one per independent source. */
export const MAX_TIMERS = 8;

export class EventQueue {
  // The arrays start empty here and are sized by the constructor: a field declared without a
  // value is first defined as undefined (standard class fields), and V8 would then check each
  // array's type on every access instead of knowing it.
  /** Heap order: times and the slot holding each event's payload. */
  private heapTime = new Float64Array(0);
  private heapSlot = new Int32Array(0);
  /** Payload by slot. */
  private seqs = new Float64Array(0);
  private kinds = new Int32Array(0);
  private as = new Int32Array(0);
  private bs = new Int32Array(0);
  private freeSlots = new Int32Array(0);
  private freeCount = 0;
  private slotsUsed = 0;
  private n = 0;
  private nextSeq = 0;
  /** Timers by id: the pending event's time (Infinity when idle), sequence number and payload. */
  private readonly timerTime = new Float64Array(MAX_TIMERS).fill(Infinity);
  private readonly timerSeq = new Float64Array(MAX_TIMERS);
  private readonly timerKind = new Int32Array(MAX_TIMERS);
  private readonly timerA = new Int32Array(MAX_TIMERS);
  private readonly timerB = new Int32Array(MAX_TIMERS);
  private timerCount = 0;
  /** The armed timer that fires first (earliest time, then lowest sequence), or -1. */
  private firstTimer = -1;

  /** Fields of the event most recently returned by `pop()`. */
  time = 0;
  kind = 0;
  a = 0;
  b = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity);
    this.heapTime = new Float64Array(cap);
    this.heapSlot = new Int32Array(cap);
    this.seqs = new Float64Array(cap);
    this.kinds = new Int32Array(cap);
    this.as = new Int32Array(cap);
    this.bs = new Int32Array(cap);
    this.freeSlots = new Int32Array(cap);
  }

  /** Pending events: in the heap plus armed timers. */
  get size(): number {
    let armed = 0;
    for (let k = 0; k < this.timerCount; k++) if (this.timerTime[k] !== Infinity) armed++;
    return this.n + armed;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    const t = this.n > 0 ? (this.heapTime[0] as number) : Infinity;
    const k = this.firstTimer;
    return k >= 0 && (this.timerTime[k] as number) < t ? (this.timerTime[k] as number) : t;
  }

  /** Removes every event (timers stay allocated, idle). */
  clear(): void {
    this.n = 0;
    this.nextSeq = 0;
    this.freeCount = 0;
    this.slotsUsed = 0;
    this.timerTime.fill(Infinity);
    this.firstTimer = -1;
  }

  /** Allocates a timer whose events carry `kind`, `a` and `b`, and returns its id. */
  addTimer(kind: number, a = 0, b = 0): number {
    if (this.timerCount === MAX_TIMERS) {
      throw new Error(`an event queue holds ${MAX_TIMERS} timers`);
    }
    const id = this.timerCount++;
    this.timerKind[id] = kind;
    this.timerA[id] = a;
    this.timerB[id] = b;
    return id;
  }

  /**
   * Sets timer `id` to fire at `time` (Infinity: never), replacing the event it held. The event
   * takes the next sequence number, exactly as `push` would. Small enough to be inlined.
   */
  arm(id: number, time: number): void {
    this.timerTime[id] = time;
    this.timerSeq[id] = this.nextSeq++;
    if (this.timerCount === 1) this.firstTimer = time === Infinity ? -1 : id;
    else this.findFirstTimer();
  }

  /** Drops timer `id`'s pending event, if any. */
  disarm(id: number): void {
    this.timerTime[id] = Infinity;
    this.findFirstTimer();
  }

  private findFirstTimer(): void {
    let best = -1;
    let bestT = Infinity;
    let bestSeq = Infinity;
    for (let k = 0; k < this.timerCount; k++) {
      const t = this.timerTime[k] as number;
      const seq = this.timerSeq[k] as number;
      if (t < bestT || (t === bestT && t !== Infinity && seq < bestSeq)) {
        best = k;
        bestT = t;
        bestSeq = seq;
      }
    }
    this.firstTimer = best;
  }

  /** Fires the first timer if it comes before the heap's top and no later than `limitS`. */
  private popTimer(limitS: number): number {
    const k = this.firstTimer;
    const tt = this.timerTime[k] as number;
    if (this.n > 0) {
      const ht = this.heapTime[0] as number;
      if (ht < tt) return 0;
      if (ht === tt) {
        const hs = this.seqs[this.heapSlot[0] as number] as number;
        if (hs < (this.timerSeq[k] as number)) return 0;
      }
    }
    if (tt > limitS) return -1;
    this.time = tt;
    this.kind = this.timerKind[k] as number;
    this.a = this.timerA[k] as number;
    this.b = this.timerB[k] as number;
    this.timerTime[k] = Infinity;
    if (this.timerCount === 1) this.firstTimer = -1;
    else this.findFirstTimer();
    return 1;
  }

  private grow(): void {
    const cap = this.heapTime.length * 2;
    const f64 = (old: Float64Array) => {
      const x = new Float64Array(cap);
      x.set(old);
      return x;
    };
    const i32 = (old: Int32Array) => {
      const x = new Int32Array(cap);
      x.set(old);
      return x;
    };
    this.heapTime = f64(this.heapTime);
    this.heapSlot = i32(this.heapSlot);
    this.seqs = f64(this.seqs);
    this.kinds = i32(this.kinds);
    this.as = i32(this.as);
    this.bs = i32(this.bs);
    this.freeSlots = i32(this.freeSlots);
  }

  push(time: number, kind: number, a: number, b: number): void {
    if (this.n === this.heapTime.length) this.grow();
    const slot =
      this.freeCount > 0 ? (this.freeSlots[--this.freeCount] as number) : this.slotsUsed++;
    const seq = this.nextSeq++;
    this.seqs[slot] = seq;
    this.kinds[slot] = kind;
    this.as[slot] = a;
    this.bs[slot] = b;
    const times = this.heapTime;
    const slots = this.heapSlot;
    let i = this.n++;
    // Sift up with a hole: parents move down until the new event's place is found. A parent
    // with the same time was inserted earlier, so it stays above.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p] as number;
      if (pt <= time) break;
      times[i] = pt;
      slots[i] = slots[p] as number;
      i = p;
    }
    times[i] = time;
    slots[i] = slot;
  }

  /** Removes the earliest event into `time`/`kind`/`a`/`b`. Returns false when empty. */
  pop(): boolean {
    return this.popUpTo(Infinity);
  }

  /**
   * Removes the earliest event into `time`/`kind`/`a`/`b` if its time is at most `limitS`.
   * Returns false (and removes nothing) when the queue is empty or the earliest event is later.
   */
  popUpTo(limitS: number): boolean {
    if (this.firstTimer >= 0) {
      const fired = this.popTimer(limitS);
      if (fired !== 0) return fired === 1;
    }
    const times = this.heapTime;
    const t = times[0] as number;
    if (this.n === 0 || t > limitS) return false;
    const slots = this.heapSlot;
    const top = slots[0] as number;
    this.time = t;
    this.kind = this.kinds[top] as number;
    this.a = this.as[top] as number;
    this.b = this.bs[top] as number;
    this.freeSlots[this.freeCount++] = top;
    const n = --this.n;
    if (n === 0) return true;
    const seqs = this.seqs;
    const lt = times[n] as number;
    const ls = slots[n] as number;
    let i = 0;
    const half = n >> 1;
    // Sift down with a hole. At equal times the lower sequence number (earlier insertion) wins.
    while (i < half) {
      let c = 2 * i + 1;
      let ct = times[c] as number;
      let cs = slots[c] as number;
      const r = c + 1;
      if (r < n) {
        const rt = times[r] as number;
        if (rt < ct || (rt === ct && (seqs[slots[r] as number] as number) < (seqs[cs] as number))) {
          c = r;
          ct = rt;
          cs = slots[r] as number;
        }
      }
      if (lt < ct || (lt === ct && (seqs[ls] as number) < (seqs[cs] as number))) break;
      times[i] = ct;
      slots[i] = cs;
      i = c;
    }
    times[i] = lt;
    slots[i] = ls;
    return true;
  }
}
