// Latency distribution in bounded memory: logarithmic bins 1 % wide from 1 microsecond to
// about 28 hours, so percentiles carry at most 0.5 % relative error. Mean and max are exact.

const MIN_MS = 0.001;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const LN_MIN = Math.log(MIN_MS);
/** Bins cover MIN_MS .. MIN_MS * GROWTH^BINS (about 1e8 ms). */
export const HISTOGRAM_BINS = Math.ceil(Math.log(1e8 / MIN_MS) / LOG_GROWTH);

/** The histogram bin of a latency in ms. */
export function latencyBin(ms: number): number {
  if (ms <= MIN_MS) return 0;
  const bin = Math.floor((Math.log(ms) - LN_MIN) / LOG_GROWTH) + 1;
  return bin > HISTOGRAM_BINS ? HISTOGRAM_BINS : bin;
}

export class LatencyHistogram {
  readonly counts = new Float64Array(HISTOGRAM_BINS + 1);
  count = 0;
  sum = 0;
  max = 0;

  record(ms: number): void {
    this.recordBin(latencyBin(ms), ms);
  }

  /** As `record`, with the bin already found by `latencyBin(ms)` (hot path: one logarithm). */
  recordBin(bin: number, ms: number): void {
    this.counts[bin] = (this.counts[bin] as number) + 1;
    this.count++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  /** Records `weight` requests (possibly fractional: a fluid model's share) of latency `ms`. */
  recordMany(ms: number, weight: number): void {
    if (!(weight > 0)) return;
    const bin = latencyBin(ms);
    this.counts[bin] = (this.counts[bin] as number) + weight;
    this.count += weight;
    this.sum += ms * weight;
    if (ms > this.max) this.max = ms;
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /** Lower and upper edge of bin `i`, in ms. */
  static binEdges(i: number): [number, number] {
    if (i === 0) return [0, MIN_MS];
    return [MIN_MS * Math.pow(GROWTH, i - 1), MIN_MS * Math.pow(GROWTH, i)];
  }

  /**
   * The q-quantile (0 < q <= 1), the geometric middle of its bin, capped at the exact max; in
   * the overflow bin (beyond about 28 hours) the exact max.
   */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const target = q * this.count;
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i] as number;
      if (seen >= target) {
        // The last bin also holds everything beyond the range: only the max bounds it.
        if (i === HISTOGRAM_BINS) return this.max;
        const [lo, hi] = LatencyHistogram.binEdges(i);
        const mid = i === 0 ? hi / 2 : Math.sqrt(lo * hi);
        return Math.min(mid, this.max);
      }
    }
    return this.max;
  }

  clear(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }
}
