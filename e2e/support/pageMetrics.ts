// In-page measurement for the performance and memory specs: frame times from
// requestAnimationFrame, main-thread long tasks from a PerformanceObserver, and the moment the
// first simulation frame became visible. Installed with page.addInitScript so it runs before the
// app's own code; read back with page.evaluate.
import type { Page } from '@playwright/test';

/** One main-thread task over 50 ms, as the Long Tasks API reports it (ms since navigation). */
export interface LongTask {
  readonly startMs: number;
  readonly durationMs: number;
}

/** What the page collected. All times are ms since navigation start (performance.timeOrigin). */
export interface PageMetrics {
  /** rAF-to-rAF intervals recorded between start() and stop(). */
  readonly frameDeltasMs: number[];
  /** Every long task since the page began loading. */
  readonly longTasks: LongTask[];
  /** When recording started and stopped. */
  readonly windowMs: readonly [number, number];
  /**
   * First rAF callback in which the lesson showed a simulation frame: the "Simulated time"
   * readout above 0 and the topology canvas with a server drawn (a painted pixel in the server
   * column). Null until then.
   */
  readonly firstFrameMs: number | null;
  /** When the readout first showed a time above 0, and when the picture was first painted. */
  readonly firstReadoutMs: number | null;
  readonly firstPictureMs: number | null;
}

interface Collector {
  start(): void;
  stop(): PageMetrics;
  snapshot(): PageMetrics;
}

declare global {
  interface Window {
    __pageMetrics?: Collector;
  }
}

/** The collector, run in the page before any of the app's scripts. */
function installCollector(): void {
  const frameDeltasMs: number[] = [];
  const longTasks: LongTask[] = [];
  let recording = false;
  let windowMs: [number, number] = [0, 0];
  let firstReadoutMs: number | null = null;
  let firstPictureMs: number | null = null;
  let firstFrameMs: number | null = null;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the spec sees an empty list and says so.
  }

  /** The readout's simulated time in seconds, or 0 when not shown yet. */
  const readoutSeconds = (): number => {
    for (const dt of document.querySelectorAll('dl.readout dt')) {
      if (dt.textContent?.trim() === 'Simulated time') {
        const value = Number.parseFloat(dt.nextElementSibling?.textContent ?? '');
        return Number.isFinite(value) ? value : 0;
      }
    }
    return 0;
  };

  /**
   * True when the lesson's picture (the canvas every lesson marks `topology-0`) has anything
   * painted on it.
   */
  const pictureDrawn = (): boolean => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-testid="topology-0"]');
    if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
    const ctx = canvas.getContext('2d');
    if (!ctx) return false;
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) return true;
    return false;
  };

  let last = 0;
  const onFrame = (now: number): void => {
    if (recording && last > 0) frameDeltasMs.push(now - last);
    last = now;
    if (firstFrameMs === null) {
      if (firstReadoutMs === null && readoutSeconds() > 0) firstReadoutMs = now;
      if (firstPictureMs === null && pictureDrawn()) firstPictureMs = now;
      if (firstReadoutMs !== null && firstPictureMs !== null) firstFrameMs = now;
    }
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  const snapshot = (): PageMetrics => ({
    frameDeltasMs: [...frameDeltasMs],
    longTasks: [...longTasks],
    windowMs: [...windowMs],
    firstFrameMs,
    firstReadoutMs,
    firstPictureMs,
  });
  window.__pageMetrics = {
    start() {
      frameDeltasMs.length = 0;
      recording = true;
      last = 0;
      windowMs = [performance.now(), 0];
    },
    stop() {
      recording = false;
      windowMs = [windowMs[0], performance.now()];
      return snapshot();
    },
    snapshot,
  };
}

/** Installs the collector in every document the page opens from now on. */
export async function installPageMetrics(page: Page): Promise<void> {
  await page.addInitScript(installCollector);
}

export async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => window.__pageMetrics?.start());
}

export async function stopRecording(page: Page): Promise<PageMetrics> {
  const metrics = await page.evaluate(() => window.__pageMetrics?.stop());
  if (!metrics) throw new Error('the page-metrics collector is not installed');
  return metrics;
}

export async function metricsSnapshot(page: Page): Promise<PageMetrics> {
  const metrics = await page.evaluate(() => window.__pageMetrics?.snapshot());
  if (!metrics) throw new Error('the page-metrics collector is not installed');
  return metrics;
}

/** The q-quantile (0..1) of `values` by the nearest-rank method; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The figures a playback window is judged by: its frames and the long tasks inside it. */
export interface PlaybackFigures {
  /** Length of the recording window, seconds. */
  readonly seconds: number;
  readonly frames: number;
  readonly p50: number;
  readonly p95: number;
  readonly worstFrame: number;
  /** Long tasks that overlap the recording window, and the longest of them (0 when none). */
  readonly during: LongTask[];
  readonly longest: number;
  /** Long tasks before the window (page load), reported but not judged. */
  readonly beforeWindow: LongTask[];
}

export function playbackFigures(m: PageMetrics): PlaybackFigures {
  const [from, to] = m.windowMs;
  const during = m.longTasks.filter((t) => t.startMs + t.durationMs >= from && t.startMs <= to);
  return {
    seconds: (to - from) / 1000,
    frames: m.frameDeltasMs.length,
    p50: quantile(m.frameDeltasMs, 0.5),
    p95: quantile(m.frameDeltasMs, 0.95),
    worstFrame: Math.max(0, ...m.frameDeltasMs),
    during,
    longest: Math.max(0, ...during.map((t) => t.durationMs)),
    beforeWindow: m.longTasks.filter((t) => t.startMs < from),
  };
}
