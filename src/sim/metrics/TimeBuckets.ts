// Time series in bounded memory: a fixed number of equal-width time buckets that merge in
// pairs (doubling their width) whenever a run outgrows them, so any run length fits the same
// arrays. Holds counters, a coarse latency histogram per bucket, and time-weighted levels.
import { firstAtLeast } from '../core/floats.ts';
import { HISTOGRAM_BINS, LatencyHistogram } from './LatencyHistogram.ts';

/** Buckets kept at most; charts therefore never get more points than this. */
export const BUCKETS = 600;
/** Coarse per-bucket latency bins: 20 % wide, from 0.1 ms to about 6 minutes. */
export const COARSE_BINS = 84;
const COARSE_MIN_MS = 0.1;
const LOG_COARSE = Math.log(1.2);
const LN_COARSE_MIN = Math.log(COARSE_MIN_MS);

/** Anything with the current simulated time (the Simulation). */
export interface Clock {
  readonly now: number;
}

/** Coarse bin for each fine latency bin of LatencyHistogram (by the fine bin's middle). */
const FINE_TO_COARSE = (() => {
  const table = new Uint8Array(HISTOGRAM_BINS + 1);
  for (let k = 0; k <= HISTOGRAM_BINS; k++) {
    const [lo, hi] = LatencyHistogram.binEdges(k);
    const mid = k === 0 ? hi / 2 : Math.sqrt(lo * hi);
    const bin =
      mid <= COARSE_MIN_MS ? 0 : Math.floor(Math.log(mid / COARSE_MIN_MS) / LOG_COARSE) + 1;
    table[k] = Math.min(bin, COARSE_BINS - 1);
  }
  return table;
})();

export class TimeBuckets {
  /** Width of one bucket in seconds; doubles when the run outgrows the buckets. */
  widthS: number;
  /** Buckets touched so far (index of the last one + 1). */
  used = 0;
  readonly counters: Float64Array[];
  /** Per-bucket coarse latency histogram, `COARSE_BINS` per bucket. */
  readonly latencyBins = new Float64Array(BUCKETS * COARSE_BINS);
  /** Time integrals of levels (for example busy slots per server), one array per level. */
  readonly levels: Float64Array[];
  /** 1 for each level ever written: merges skip the others (still all zero). */
  private readonly levelUsed: Uint8Array;
  /** Per-bucket peaks (for example the rolling count of a limiter): merged by maximum. */
  readonly maxima: Float64Array[];
  /** End of the last bucket, seconds: times at or past it force a merge. */
  private endS: number;
  /**
   * The bucket found last and the exact range of times that map to it: t is in bucket
   * `cachedIndex` exactly when cachedFromS <= t < cachedToS (both found with the same
   * rounding as Math.floor(t / widthS), the upper one capped at endS). Reset by a merge.
   */
  private cachedIndex = 0;
  private cachedFromS = 0;
  private cachedToS = -Infinity;

  /** `clock` lets hot paths ask for the current bucket without passing a time around. */
  constructor(
    counterCount: number,
    levelCount: number,
    initialWidthS: number,
    private readonly clock: Clock = { now: 0 },
    maximaCount = 0,
  ) {
    this.maxima = Array.from({ length: maximaCount }, () => new Float64Array(BUCKETS));
    this.widthS = initialWidthS;
    this.counters = Array.from({ length: counterCount }, () => new Float64Array(BUCKETS));
    this.levels = Array.from({ length: levelCount }, () => new Float64Array(BUCKETS));
    this.levelUsed = new Uint8Array(levelCount);
    this.endS = this.widthS * BUCKETS;
  }

  /** Index of the bucket holding the clock's current time. */
  current(): number {
    const t = this.clock.now;
    return t < this.cachedToS && t >= this.cachedFromS ? this.cachedIndex : this.locate(t);
  }

  /** Makes sure time `t` has a bucket, merging pairs as often as needed. Returns its index. */
  index(t: number): number {
    return t < this.cachedToS && t >= this.cachedFromS ? this.cachedIndex : this.locate(t);
  }

  /** `index` outside the cached bucket: merges if needed, then caches the bucket of `t`. */
  private locate(t: number): number {
    while (t >= this.endS) this.merge();
    const w = this.widthS;
    const i = Math.floor(t / w);
    if (i >= this.used) this.used = i + 1;
    if (i >= 0) {
      this.cachedIndex = i;
      this.cachedFromS = this.startOf(i);
      this.cachedToS = Math.min(firstAtLeast(i + 1, w), this.endS);
    }
    return i;
  }

  /** Adds `amount` to level `level` in bucket `i` (an integral the caller has worked out). */
  addAt(level: number, i: number, amount: number): void {
    if (amount === 0) return;
    this.levelUsed[level] = 1;
    const arr = this.levels[level] as Float64Array;
    arr[i] = (arr[i] as number) + amount;
  }

  /** The end (exclusive) of the bucket holding time `t`, merging first if `t` needs it. */
  bucketEnd(t: number): number {
    this.index(t);
    return this.cachedToS;
  }

  /**
   * The buckets to chart at time `nowS`: how many, each one's end time, and the seconds each
   * has covered (the last one is still filling, so rates use its elapsed part). A clock that
   * stands exactly on a boundary has opened an empty bucket: it is left out until it fills.
   */
  frame(nowS: number): {
    readonly n: number;
    readonly t: Float64Array;
    readonly spanS: Float64Array;
  } {
    const w = this.widthS;
    const n = Math.min(this.used, Math.max(1, Math.ceil(nowS / w - 1e-9)));
    const t = new Float64Array(n);
    const spanS = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      t[i] = Math.min((i + 1) * w, nowS);
      spanS[i] = i === n - 1 ? Math.max(nowS - i * w, 1e-9) : w;
    }
    return { n, t, spanS };
  }

  /** Start time of bucket `i` at the current width (the exact float that maps to `i`). */
  startOf(i: number): number {
    return firstAtLeast(i, this.widthS);
  }

  /** Raises peak channel `channel` of bucket `i` to at least `value`. */
  raiseMaxAt(channel: number, i: number, value: number): void {
    const m = this.maxima[channel] as Float64Array;
    if (value > (m[i] as number)) m[i] = value;
  }

  /** Raises peak channel `channel` of the current bucket to at least `value`. */
  raiseMax(channel: number, value: number): void {
    this.raiseMaxAt(channel, this.current(), value);
  }

  /** Counts a latency whose LatencyHistogram bin is `fineBin` in bucket `i` (hot path). */
  addLatencyFineBin(i: number, fineBin: number): void {
    const k = i * COARSE_BINS + (FINE_TO_COARSE[fineBin] as number);
    this.latencyBins[k] = (this.latencyBins[k] as number) + 1;
  }

  private merge(): void {
    const half = BUCKETS / 2;
    const pairUp = (a: Float64Array) => {
      for (let i = 0; i < half; i++) a[i] = (a[2 * i] as number) + (a[2 * i + 1] as number);
      a.fill(0, half);
    };
    for (const c of this.counters) pairUp(c);
    for (let k = 0; k < this.levels.length; k++) {
      if (this.levelUsed[k] === 1) pairUp(this.levels[k] as Float64Array);
    }
    for (const m of this.maxima) {
      for (let i = 0; i < half; i++) m[i] = Math.max(m[2 * i] as number, m[2 * i + 1] as number);
      m.fill(0, half);
    }
    const bins = this.latencyBins;
    for (let i = 0; i < half; i++) {
      const dst = i * COARSE_BINS;
      const s1 = 2 * i * COARSE_BINS;
      const s2 = s1 + COARSE_BINS;
      for (let k = 0; k < COARSE_BINS; k++) {
        bins[dst + k] = (bins[s1 + k] as number) + (bins[s2 + k] as number);
      }
    }
    bins.fill(0, half * COARSE_BINS);
    this.widthS *= 2;
    this.endS = this.widthS * BUCKETS;
    this.used = Math.ceil(this.used / 2);
    this.cachedToS = -Infinity;
  }

  add(counter: number, t: number, amount: number): void {
    const i = this.index(t);
    const c = this.counters[counter] as Float64Array;
    c[i] = (c[i] as number) + amount;
  }

  addLatency(t: number, ms: number): void {
    this.addLatencyLn(t, ms, Math.log(ms));
  }

  /** As `addLatency`, with `lnMs` = ln(ms) already computed by the caller (hot path). */
  addLatencyLn(t: number, ms: number, lnMs: number): void {
    const i = this.index(t);
    let bin = ms <= COARSE_MIN_MS ? 0 : Math.floor((lnMs - LN_COARSE_MIN) / LOG_COARSE) + 1;
    if (bin >= COARSE_BINS) bin = COARSE_BINS - 1;
    const k = i * COARSE_BINS + bin;
    this.latencyBins[k] = (this.latencyBins[k] as number) + 1;
  }

  /** Adds the integral of a constant `value` held over [t0, t1) to level `level`. */
  addLevel(level: number, t0: number, t1: number, value: number): void {
    if (t1 <= t0 || value === 0) return;
    this.index(t1);
    this.levelUsed[level] = 1;
    const arr = this.levels[level] as Float64Array;
    const w = this.widthS;
    // Walk bucket indices, not times: (i + 1) * w can round to a value whose own index is i.
    let i = Math.floor(t0 / w);
    const last = Math.min(Math.floor(t1 / w), BUCKETS - 1);
    let t = t0;
    while (i < last) {
      const end = (i + 1) * w;
      if (end > t) arr[i] = (arr[i] as number) + value * (end - t);
      t = end > t ? end : t;
      i++;
    }
    if (t1 > t) arr[last] = (arr[last] as number) + value * (t1 - t);
  }

  /** Latencies recorded in bucket `i`. */
  latencyCount(i: number): number {
    const base = i * COARSE_BINS;
    let total = 0;
    for (let k = 0; k < COARSE_BINS; k++) total += this.latencyBins[base + k] as number;
    return total;
  }

  /** Quantile `q` of the latencies recorded in bucket `i`, or NaN when it has none. */
  bucketQuantile(i: number, q: number): number {
    const base = i * COARSE_BINS;
    const total = this.latencyCount(i);
    if (total === 0) return NaN;
    const target = q * total;
    let seen = 0;
    for (let k = 0; k < COARSE_BINS; k++) {
      seen += this.latencyBins[base + k] as number;
      if (seen >= target) {
        if (k === 0) return COARSE_MIN_MS / 2;
        return COARSE_MIN_MS * Math.pow(1.2, k - 0.5);
      }
    }
    return NaN;
  }
}
