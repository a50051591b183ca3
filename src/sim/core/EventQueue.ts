// A binary min-heap of simulation events stored in parallel typed arrays: ordered by time,
// ties broken by insertion order, no allocation per event (the arrays grow by doubling).

/**
 * Event queue keyed by (time, insertion sequence). Each event carries a small integer kind
 * and two integer arguments. `pop()` writes the removed event into `time`, `kind`, `a`, `b`.
 */
export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private as: Int32Array;
  private bs: Int32Array;
  private n = 0;
  private nextSeq = 0;

  /** Fields of the event most recently returned by `pop()`. */
  time = 0;
  kind = 0;
  a = 0;
  b = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity);
    this.times = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.kinds = new Int32Array(cap);
    this.as = new Int32Array(cap);
    this.bs = new Int32Array(cap);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? (this.times[0] as number) : Infinity;
  }

  clear(): void {
    this.n = 0;
    this.nextSeq = 0;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const t = new Float64Array(cap);
    t.set(this.times);
    this.times = t;
    const s = new Float64Array(cap);
    s.set(this.seqs);
    this.seqs = s;
    const k = new Int32Array(cap);
    k.set(this.kinds);
    this.kinds = k;
    const a = new Int32Array(cap);
    a.set(this.as);
    this.as = a;
    const b = new Int32Array(cap);
    b.set(this.bs);
    this.bs = b;
  }

  push(time: number, kind: number, a: number, b: number): void {
    if (this.n === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const seq = this.nextSeq++;
    let i = this.n++;
    // Sift up with a hole: move parents down until the new event's place is found.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p] as number;
      if (pt < time || (pt === time && (seqs[p] as number) < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p] as number;
      this.kinds[i] = this.kinds[p] as number;
      this.as[i] = this.as[p] as number;
      this.bs[i] = this.bs[p] as number;
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    this.kinds[i] = kind;
    this.as[i] = a;
    this.bs[i] = b;
  }

  /** Removes the earliest event into `time`/`kind`/`a`/`b`. Returns false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    const kinds = this.kinds;
    const as = this.as;
    const bs = this.bs;
    this.time = times[0] as number;
    this.kind = kinds[0] as number;
    this.a = as[0] as number;
    this.b = bs[0] as number;
    const n = --this.n;
    if (n === 0) return true;
    const lt = times[n] as number;
    const ls = seqs[n] as number;
    const lk = kinds[n] as number;
    const la = as[n] as number;
    const lb = bs[n] as number;
    let i = 0;
    const half = n >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      let ct = times[c] as number;
      const r = c + 1;
      if (r < n) {
        const rt = times[r] as number;
        if (rt < ct || (rt === ct && (seqs[r] as number) < (seqs[c] as number))) {
          c = r;
          ct = rt;
        }
      }
      if (lt < ct || (lt === ct && ls < (seqs[c] as number))) break;
      times[i] = ct;
      seqs[i] = seqs[c] as number;
      kinds[i] = kinds[c] as number;
      as[i] = as[c] as number;
      bs[i] = bs[c] as number;
      i = c;
    }
    times[i] = lt;
    seqs[i] = ls;
    kinds[i] = lk;
    as[i] = la;
    bs[i] = lb;
    return true;
  }
}
