// Spreads chart updates over animation frames. A lesson shows five to ten charts; when they
// were drawn with recharts (several milliseconds each), updating all at once from one snapshot
// made a single main-thread task of 60 to 150 ms. The canvas charts are far cheaper, but each
// update still builds columns and redraws, so the updates stay spread: each chart takes its
// data through usePacedValue, the newest value is held until the chart's turn, at most one
// chart updates per animation frame, and each chart at most every MIN_INTERVAL_MS. Charts of
// a hidden page wait (no frames), which also saves the work.
import { useEffect, useRef, useState } from 'react';

/** Least wall time between two updates of the same chart. */
export const MIN_INTERVAL_MS = 250;
/**
 * With many charts on the page (compare mode) each waits longer: together they update at most
 * 1000 / PER_CHART_MS times a second, whatever their number.
 */
export const PER_CHART_MS = 50;

interface Pending {
  /** Earliest time (performance.now) the update may be applied. */
  readonly dueMs: number;
  readonly apply: () => void;
}

const pending = new Map<object, Pending>();
let frame: number | null = null;
/** Paced values currently mounted. */
let mounted = 0;

function pump(nowMs: number): void {
  frame = null;
  let chosen: [object, Pending] | null = null;
  for (const entry of pending) {
    if (entry[1].dueMs <= nowMs && (chosen === null || entry[1].dueMs < chosen[1].dueMs)) {
      chosen = entry;
    }
  }
  if (chosen !== null) {
    pending.delete(chosen[0]);
    chosen[1].apply();
  }
  schedule();
}

function schedule(): void {
  if (frame !== null || pending.size === 0) return;
  if (typeof requestAnimationFrame !== 'function') {
    // No frames (a test environment without them): apply everything at once.
    for (const [key, entry] of [...pending]) {
      pending.delete(key);
      entry.apply();
    }
    return;
  }
  frame = requestAnimationFrame(pump);
}

/**
 * `value`, updated on this chart's turn: at most one paced value changes per animation frame,
 * and this one at most every `minIntervalMs`. The first value is used at once.
 */
export function usePacedValue<T>(value: T, minIntervalMs: number = MIN_INTERVAL_MS): T {
  const [shown, setShown] = useState(value);
  const key = useRef<object>({});
  const lastMs = useRef(-Infinity);
  useEffect(() => {
    const token = key.current;
    if (Object.is(value, shown)) {
      pending.delete(token);
      return;
    }
    const intervalMs = Math.max(minIntervalMs, mounted * PER_CHART_MS);
    pending.set(token, {
      dueMs: Math.max(performance.now(), lastMs.current + intervalMs),
      apply: () => {
        lastMs.current = performance.now();
        setShown(() => value);
      },
    });
    schedule();
  }, [value, shown, minIntervalMs]);
  useEffect(() => {
    const token = key.current;
    mounted += 1;
    return () => {
      mounted -= 1;
      pending.delete(token);
    };
  }, []);
  return shown;
}
