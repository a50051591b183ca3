// Latency distribution in bounded memory: logarithmic bins 1 % wide from 1 microsecond to
// about 28 hours, so percentiles carry at most 0.5 % relative error. Mean and max are exact.

const MIN_MS = 0.001;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const LN_MIN = Math.log(MIN_MS);
/** Bins cover MIN_MS .. MIN_MS * GROWTH^BINS (about 1e8 ms). */
export const HISTOGRAM_BINS = Math.ceil(Math.log(1e8 / MIN_MS) / LOG_GROWTH);

/** The histogram bin of a latency in ms, by its definition (one logarithm). */
export function exactLatencyBin(ms: number): number {
  if (ms <= MIN_MS) return 0;
  const bin = Math.floor((Math.log(ms) - LN_MIN) / LOG_GROWTH) + 1;
  return bin > HISTOGRAM_BINS ? HISTOGRAM_BINS : bin;
}

// A lookup table that gives exactLatencyBin without a logarithm for almost every value. The
// doubles from 2^-10 to 2^27 ms are cut into cells by their exponent and top 8 mantissa bits:
// 256 cells per octave, each narrower (0.4 %) than a bin (1 %), so at most one bin edge falls
// in a cell. Around each edge E = exp(LN_MIN + j LOG_GROWTH) a zone E (1 ± 1e-9) is left to
// exactLatencyBin. Outside the zones the computed (ln ms − LN_MIN) / LOG_GROWTH is within
// 1e-12 of its true value (a few rounding steps of numbers below 2,600) while the true value
// is more than 1e-7 from an integer, so its floor is the number of edges below ms: the bin
// looked up here is exactly the one exactLatencyBin computes.
const CELL_BITS = 8;
const TABLE_MIN_EXP = -10;
const TABLE_MAX_EXP = 27;
const TABLE_MIN_MS = 2 ** TABLE_MIN_EXP;
const TABLE_MAX_MS = 2 ** TABLE_MAX_EXP;
const EDGE_ZONE = 1e-9;
const wordF64 = new Float64Array(1);
const wordU32 = new Uint32Array(wordF64.buffer);
/** Index of the 32-bit word holding the sign, exponent and top mantissa bits. */
const HIGH_WORD = (() => {
  wordF64[0] = 1;
  return wordU32[1] === 0x3ff00000 ? 1 : 0;
})();
const CELL_SHIFT = 20 - CELL_BITS;
/** (biased exponent, top mantissa bits) of TABLE_MIN_MS: the first cell. */
const CELL_BASE = (TABLE_MIN_EXP + 1023) << CELL_BITS;
const CELLS = (TABLE_MAX_EXP - TABLE_MIN_EXP) << CELL_BITS;
/** Per cell: the bin below the cell's edge zone (or of the whole cell), and the zone. */
const cellBin = new Int32Array(CELLS);
const cellZoneLo = new Float64Array(CELLS).fill(Infinity);
const cellZoneHi = new Float64Array(CELLS).fill(Infinity);

function cellOf(ms: number): number {
  wordF64[0] = ms;
  return ((wordU32[HIGH_WORD] as number) >>> CELL_SHIFT) - CELL_BASE;
}

/** The smallest value in cell `c`. */
function cellStart(c: number): number {
  const exp = (c >> CELL_BITS) + TABLE_MIN_EXP;
  return 2 ** exp * (1 + (c & ((1 << CELL_BITS) - 1)) / (1 << CELL_BITS));
}

(function buildCells(): void {
  // Edges above the last bin do not change the (capped) bin.
  for (let j = 0; j < HISTOGRAM_BINS; j++) {
    const edge = Math.exp(LN_MIN + j * LOG_GROWTH);
    const lo = edge * (1 - EDGE_ZONE);
    const hi = edge * (1 + EDGE_ZONE);
    if (hi < TABLE_MIN_MS || lo >= TABLE_MAX_MS) continue;
    const first = Math.max(0, cellOf(lo));
    const last = Math.min(CELLS - 1, cellOf(hi));
    for (let c = first; c <= last; c++) {
      if (cellZoneLo[c] !== Infinity) throw new Error('latency bins: two edges in one cell');
      cellZoneLo[c] = lo;
      cellZoneHi[c] = hi;
    }
  }
  for (let c = 0; c < CELLS; c++) {
    const lo = cellZoneLo[c] as number;
    // A point safely below the zone (edges are 1 % apart), or any point of an edge-free cell.
    cellBin[c] = exactLatencyBin(lo === Infinity ? cellStart(c) : lo * (1 - 1e-6));
  }
})();

/** The histogram bin of a latency in ms: exactLatencyBin, by table lookup where it is safe. */
export function latencyBin(ms: number): number {
  if (ms >= TABLE_MIN_MS && ms < TABLE_MAX_MS) {
    const c = cellOf(ms);
    if (ms < (cellZoneLo[c] as number)) return cellBin[c] as number;
    if (ms > (cellZoneHi[c] as number)) return (cellBin[c] as number) + 1;
  }
  return exactLatencyBin(ms);
}

export class LatencyHistogram {
  readonly counts = new Float64Array(HISTOGRAM_BINS + 1);
  count = 0;
  sum = 0;
  max = 0;

  record(ms: number): void {
    this.recordBin(latencyBin(ms), ms);
  }

  /**
   * `latencyBin(ms)` as a method, for hot paths in other modules. Run through tsx (as the
   * benchmark is), modules become CommonJS and every call of an imported function is a
   * megamorphic property load on the exporting module's object, about 100 instructions; a
   * method call on the histogram is inlined like any other.
   */
  bin(ms: number): number {
    return latencyBin(ms);
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
