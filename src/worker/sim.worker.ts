// The Web Worker entry: wires the simulation host to the worker's message port, clock and
// timers. All simulation work of the app happens here, off the main thread.
import { SimHost } from '../sim/worker/SimHost.ts';
import type { MainToWorker, WorkerToMain } from '../sim/worker/protocol.ts';
import { lessonModels } from '../lessons/modelRegistry.ts';

interface WorkerScope {
  postMessage(msg: WorkerToMain, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<MainToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const host = new SimHost(
  {
    post: (msg, transfer) => scope.postMessage(msg, transfer),
    nowMs: () => performance.now(),
    later: (fn, ms) => {
      setTimeout(fn, ms);
    },
  },
  lessonModels,
);
scope.onmessage = (event) => host.handle(event.data);
host.start();
