// The page's only door to the simulation: a `SimClient` interface with a Web Worker
// implementation and an in-process fallback (for sandboxed iframes or browsers where a
// Worker cannot start). The UI never touches the simulation core directly.
import type { MainToWorker, WorkerToMain } from '../sim/worker/protocol.ts';
import type { RunResult, Scenario } from '../sim/scenario.ts';
import { activeMessageProbe } from './messageProbe.ts';

export type SimListener = (msg: WorkerToMain) => void;

export interface SimClient {
  /** 'worker' normally; 'in-process' when a Worker could not start. */
  readonly mode: 'worker' | 'in-process';
  send(msg: MainToWorker): void;
  subscribe(listener: SimListener): () => void;
  /** Runs a scenario to its end (for grading) and resolves with its result. */
  runToEnd(scenario: Scenario): Promise<{ result: RunResult; elapsedMs: number }>;
  dispose(): void;
}

/** Shared plumbing: listeners and pending run-to-end requests. */
abstract class BaseClient implements SimClient {
  abstract readonly mode: 'worker' | 'in-process';
  private readonly listeners = new Set<SimListener>();
  private readonly pending = new Map<
    number,
    { resolve: (v: { result: RunResult; elapsedMs: number }) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;

  abstract send(msg: MainToWorker): void;
  abstract dispose(): void;

  subscribe(listener: SimListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected receive(msg: WorkerToMain): void {
    if (msg.type === 'result') {
      this.pending.get(msg.id)?.resolve({ result: msg.result, elapsedMs: msg.elapsedMs });
      this.pending.delete(msg.id);
      return;
    }
    if (msg.type === 'error' && msg.id !== undefined) {
      this.pending.get(msg.id)?.reject(new Error(msg.message));
      this.pending.delete(msg.id);
      return;
    }
    for (const listener of this.listeners) listener(msg);
  }

  protected failAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }

  runToEnd(scenario: Scenario): Promise<{ result: RunResult; elapsedMs: number }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ type: 'runToEnd', id, scenario });
    });
  }
}

/** Runs the simulation in a dedicated Web Worker. */
export class WorkerSimClient extends BaseClient {
  readonly mode = 'worker' as const;

  constructor(
    private readonly worker: Worker,
    onFatal: (message: string) => void,
  ) {
    super();
    const probe = activeMessageProbe();
    worker.onmessage =
      probe === null
        ? (event: MessageEvent<WorkerToMain>) => this.receive(event.data)
        : (event: MessageEvent<WorkerToMain>) => {
            // Browser tests only (`?e2e`): the cost of handling one message on the main thread.
            const t0 = performance.now();
            this.receive(event.data);
            probe.record(performance.now() - t0);
          };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      const message = event.message || 'the simulation worker stopped';
      this.failAll(message);
      onFatal(message);
    };
  }

  send(msg: MainToWorker): void {
    this.worker.postMessage(msg);
  }

  dispose(): void {
    this.failAll('the simulation was closed');
    this.worker.terminate();
  }
}

/**
 * Runs the same host on the main thread, in slices between frames. Only a fallback: the page
 * says so, because heavy settings will make it less smooth.
 */
export class InProcessSimClient extends BaseClient {
  readonly mode = 'in-process' as const;
  private host: { handle(msg: MainToWorker): void } | null = null;
  private queue: MainToWorker[] = [];
  private disposed = false;

  constructor() {
    super();
    void Promise.all([
      import('../sim/worker/SimHost.ts'),
      import('../lessons/modelRegistry.ts'),
    ]).then(
      ([{ SimHost }, { lessonModels }]) => {
        if (this.disposed) return;
        const host = new SimHost(
          {
            post: (msg) => queueMicrotask(() => !this.disposed && this.receive(msg)),
            nowMs: () => performance.now(),
            later: (fn, ms) => {
              setTimeout(() => !this.disposed && fn(), ms);
            },
          },
          lessonModels,
        );
        this.host = host;
        host.start();
        for (const msg of this.queue) host.handle(msg);
        this.queue = [];
      },
      (err: unknown) => {
        // The simulation code could not be loaded (offline with a stale cache, say).
        const message = `the simulation could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
        this.failAll(message);
        this.receive({ type: 'error', message });
      },
    );
  }

  send(msg: MainToWorker): void {
    if (this.host) this.host.handle(msg);
    else this.queue.push(msg);
  }

  dispose(): void {
    this.disposed = true;
    this.failAll('the simulation was closed');
  }
}

/** A Worker client, or the in-process one when a Worker cannot be created. */
export function createSimClient(onFatal: (message: string) => void): SimClient {
  if (typeof Worker !== 'undefined') {
    try {
      const worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), {
        type: 'module',
        name: 'scaling-lab-sim',
      });
      return new WorkerSimClient(worker, onFatal);
    } catch {
      // Sandboxed frames and some privacy modes refuse workers: fall back below.
    }
  }
  return new InProcessSimClient();
}
