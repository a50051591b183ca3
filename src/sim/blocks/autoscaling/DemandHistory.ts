// Observed demand in one-minute slots over the last two weeks, and the forecast a predictive
// autoscaler makes from it: for each minute ahead, the mean of the same minute on previous
// days; the forecast for a window is the highest of those means.
import { DAY_S } from './DemandCurve.ts';

export const HISTORY_SLOT_S = 60;
export const HISTORY_DAYS = 14;
const SLOTS_PER_DAY = DAY_S / HISTORY_SLOT_S;
/** Days the ring holds: two full weeks back plus the day being recorded. */
const RING_DAYS = HISTORY_DAYS + 1;

export class DemandHistory {
  private readonly counts = new Float64Array(SLOTS_PER_DAY * RING_DAYS);

  /** Adds `count` requests that arrived in the step starting at `t`. */
  add(t: number, count: number): void {
    const slot = Math.floor(t / HISTORY_SLOT_S);
    const k = slot % this.counts.length;
    // A slot reused from the last lap of the ring starts empty.
    if (slot !== this.slotAt[k]) {
      this.slotAt[k] = slot;
      this.counts[k] = 0;
    }
    this.counts[k] = (this.counts[k] as number) + count;
  }

  private readonly slotAt = new Float64Array(SLOTS_PER_DAY * RING_DAYS).fill(-1);

  /** Mean demand (req/s) observed in `slot`, or NaN when it is not (fully) in the history. */
  private rateOf(slot: number, currentSlot: number): number {
    if (slot < 0 || slot >= currentSlot) return NaN;
    const k = slot % this.counts.length;
    if (this.slotAt[k] !== slot) return NaN;
    return (this.counts[k] as number) / HISTORY_SLOT_S;
  }

  /**
   * The highest, over the minutes in [fromS, toS], of the mean demand at the same minute on
   * each of the previous `days` days (at most two weeks); null when no previous day has data.
   */
  forecastPeak(fromS: number, toS: number, days: number, nowS: number): number | null {
    const current = Math.floor(nowS / HISTORY_SLOT_S);
    const first = Math.floor(fromS / HISTORY_SLOT_S);
    const last = Math.max(first, Math.floor(toS / HISTORY_SLOT_S));
    const span = Math.min(Math.max(1, Math.floor(days)), HISTORY_DAYS);
    let peak = -1;
    for (let slot = first; slot <= last; slot++) {
      let sum = 0;
      let n = 0;
      for (let d = 1; d <= span; d++) {
        const r = this.rateOf(slot - d * SLOTS_PER_DAY, current);
        if (Number.isFinite(r)) {
          sum += r;
          n++;
        }
      }
      if (n > 0 && sum / n > peak) peak = sum / n;
    }
    return peak < 0 ? null : peak;
  }
}
