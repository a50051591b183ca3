// Memory over a long run (quality bar "Memory"): an hour of SIMULATED playback of the
// load-balancing lesson at the top speed (500x, about 7 s of wall time) grows the page's JS heap
// by at most 1 MB per simulated minute after the first minute. Heap figures come from the
// Chrome DevTools Protocol after a forced garbage collection (HeapProfiler.collectGarbage, then
// Runtime.getHeapUsage), sampled when the "Simulated time" readout passes 60 s and again when
// it reaches 3600 s. The judged heap is V8's used heap plus the array buffers' backing stores
// (snapshots arrive as typed arrays, which live outside V8's heap) plus Blink's heap (DOM
// nodes), so a leak of snapshots or of chart elements counts as well as one of JS objects. The
// worker's heap is printed too when CDP can reach the worker (not judged).
// Run alone: flock /tmp/heavy.lock npx vite build && flock /tmp/heavy.lock npx playwright test e2e/memory.spec.ts
import { expect, test, type CDPSession } from '@playwright/test';
import { LessonPage } from './pages/LessonPage.ts';

const MB = 1024 * 1024;
const BUDGET_MB_PER_MIN = 1;
const FIRST_SAMPLE_S = 60;
const LAST_SAMPLE_S = 3600;

interface HeapSample {
  readonly simS: number;
  /** V8 heap in use, array-buffer backing stores, and Blink's heap (DOM), after a GC. */
  readonly v8Bytes: number;
  readonly buffersBytes: number;
  readonly blinkBytes: number;
  readonly workerUsedBytes: number | null;
}

/** Runtime.getHeapUsage as recent Chromium answers it (the last two fields are newer). */
interface HeapUsage {
  readonly usedSize: number;
  readonly totalSize: number;
  readonly embedderHeapUsedSize?: number;
  readonly backingStorageSize?: number;
}

const total = (s: HeapSample): number => s.v8Bytes + s.buffersBytes + s.blinkBytes;

/**
 * The simulation worker's heap through a second CDP session in the old (non-flattened)
 * auto-attach mode, whose messages go through Target.sendMessageToTarget. Best effort: null
 * when the worker cannot be reached.
 */
class WorkerHeap {
  private sessionId: string | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker' && this.sessionId === null) {
        this.sessionId = event.sessionId;
      }
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (reply.id === undefined) return;
      this.waiting.get(reply.id)?.(reply.result ?? null);
      this.waiting.delete(reply.id);
    });
  }

  async attach(): Promise<void> {
    await this.cdp
      .send('Target.setAutoAttach', {
        autoAttach: true,
        waitForDebuggerOnStart: false,
        flatten: false,
      })
      .catch(() => undefined);
  }

  private async call(method: string, params: object = {}): Promise<unknown> {
    const sessionId = this.sessionId;
    if (sessionId === null) return null;
    const id = this.nextId++;
    const reply = new Promise<unknown>((resolve) => {
      this.waiting.set(id, resolve);
      setTimeout(() => resolve(null), 5000);
    });
    await this.cdp
      .send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      })
      .catch(() => undefined);
    return reply;
  }

  async usedBytes(): Promise<number | null> {
    await this.call('HeapProfiler.collectGarbage');
    const usage = (await this.call('Runtime.getHeapUsage')) as { usedSize?: number } | null;
    return typeof usage?.usedSize === 'number' ? usage.usedSize : null;
  }
}

const mb = (bytes: number): string => `${(bytes / MB).toFixed(2)} MB`;

test('an hour of simulated playback at top speed keeps heap growth under 1 MB per minute', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const lesson = new LessonPage(page);
  await lesson.open('load-balancing', 'e2e');
  await expect(page.getByTestId('topology-0')).toBeVisible();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const worker = new WorkerHeap(cdp);
  await worker.attach();

  const sample = async (): Promise<HeapSample> => {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
    const workerUsedBytes = await worker.usedBytes();
    return {
      simS: await lesson.simulatedTime(),
      v8Bytes: usage.usedSize,
      buffersBytes: usage.backingStorageSize ?? 0,
      blinkBytes: usage.embedderHeapUsedSize ?? 0,
      workerUsedBytes,
    };
  };

  const wallStart = Date.now();
  await page.getByRole('combobox', { name: 'Speed', exact: true }).selectOption('500');
  await expect
    .poll(() => lesson.simulatedTime(), { timeout: 30_000, intervals: [100] })
    .toBeGreaterThanOrEqual(FIRST_SAMPLE_S);
  const first = await sample();
  await expect
    .poll(() => lesson.simulatedTime(), { timeout: 150_000, intervals: [250] })
    .toBeGreaterThanOrEqual(LAST_SAMPLE_S);
  const last = await sample();
  const wallS = (Date.now() - wallStart) / 1000;

  const minutes = (last.simS - first.simS) / 60;
  const growthPerMin = (total(last) - total(first)) / minutes;
  const parts = (s: HeapSample): string =>
    `${mb(total(s))} (V8 ${mb(s.v8Bytes)}, buffers ${mb(s.buffersBytes)}, DOM ${mb(s.blinkBytes)})`;
  console.log(
    `[memory] page heap after GC: ${parts(first)} at ${first.simS.toFixed(0)} s simulated; ` +
      `${parts(last)} at ${last.simS.toFixed(0)} s simulated (${wallS.toFixed(1)} s wall)`,
  );
  console.log(
    `[memory] growth ${mb(growthPerMin)} per simulated minute over ${minutes.toFixed(1)} min ` +
      `(budget ${BUDGET_MB_PER_MIN} MB); V8 heap alone ` +
      `${mb((last.v8Bytes - first.v8Bytes) / minutes)} per minute`,
  );
  if (first.workerUsedBytes !== null && last.workerUsedBytes !== null) {
    const workerGrowth = (last.workerUsedBytes - first.workerUsedBytes) / minutes;
    console.log(
      `[memory] worker heap after GC: ${mb(first.workerUsedBytes)} -> ` +
        `${mb(last.workerUsedBytes)}; growth ${mb(workerGrowth)} per simulated minute (not judged)`,
    );
  } else {
    console.log('[memory] worker heap: not reachable through CDP (not judged)');
  }

  expect(last.simS).toBeGreaterThanOrEqual(LAST_SAMPLE_S);
  expect(growthPerMin / MB).toBeLessThanOrEqual(BUDGET_MB_PER_MIN);
  expect(errors).toEqual([]);
});
