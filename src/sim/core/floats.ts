// Stepping between adjacent doubles, for finding exact thresholds of rounded arithmetic (for
// example the first time at which Math.floor(t / w) reaches a bucket index).

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The smallest double greater than `x` (a finite x >= 0). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  u64[0] = (u64[0] as bigint) + 1n;
  return f64[0] as number;
}

/** The largest double smaller than `x` (a finite x > 0). */
export function nextDown(x: number): number {
  f64[0] = x;
  u64[0] = (u64[0] as bigint) - 1n;
  return f64[0] as number;
}

/**
 * The smallest double t >= 0 with Math.floor(t / w) >= k, for an integer k >= 0 and a finite
 * w > 0. Division by a positive constant is monotonic, so this is an exact threshold: for
 * t >= 0, Math.floor(t / w) >= k exactly when t >= firstAtLeast(k, w).
 */
export function firstAtLeast(k: number, w: number): number {
  if (k <= 0) return 0;
  let x = k * w;
  if (!Number.isFinite(x)) return x;
  if (Math.floor(x / w) >= k) {
    while (x > 0) {
      const below = nextDown(x);
      if (Math.floor(below / w) < k) break;
      x = below;
    }
  } else {
    do x = nextUp(x);
    while (Math.floor(x / w) < k);
  }
  return x;
}
