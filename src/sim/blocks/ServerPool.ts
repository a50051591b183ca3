// A pool of servers, each with a relative speed, `slots` requests served at once and a FIFO
// queue of bounded length. Servers can fail and recover. Time-weighted busy and queue levels
// are integrated for utilisation and mean queue length.
import type { Simulation } from '../core/Simulation.ts';
import type { RequestTable } from './RequestTable.ts';
import type { TimeBuckets } from '../metrics/TimeBuckets.ts';

/** What the pool tells its owner about each request's fate. */
export interface PoolListener {
  started(req: number, server: number): void;
  completed(req: number, server: number): void;
  /** Queue full: the request was turned away. */
  rejected(req: number, server: number): void;
  /** The server was down or went down while holding the request. */
  failed(req: number, server: number): void;
}

export class ServerPool {
  readonly maxServers: number;
  /** Servers in service (indices below `count`); others are switched off. */
  count: number;
  /** Requests a server serves at once. */
  slots: number;
  /** Requests that may wait per server; arrivals beyond it are rejected. */
  queueLimit: number;
  readonly speed: Float64Array;
  readonly busy: Int32Array;
  readonly queued: Int32Array;
  /** 1 while the server works, 0 while it is failed. */
  readonly up: Uint8Array;
  /** Completions per server since the statistics start. */
  readonly completedCount: Float64Array;
  /**
   * Integrals since the statistics start: busy share of the slots x seconds (so a change of
   * slots mid-run is accounted at the time it happens), and queued requests x seconds.
   */
  readonly busyIntegral: Float64Array;
  readonly queueIntegral: Float64Array;
  private readonly lastChangeS: Float64Array;
  private queues: Int32Array[];
  private readonly heads: Int32Array;
  private readonly departKind: number;
  /** Statistics ignore time before this. */
  statsStartS = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly requests: RequestTable,
    private readonly listener: PoolListener,
    private readonly buckets: TimeBuckets | null,
    /** First level index in `buckets`: level 2i is server i's busy slots, 2i+1 its queue. */
    private readonly levelBase: number,
    options: { maxServers: number; count: number; slots: number; queueLimit: number },
  ) {
    const n = options.maxServers;
    this.maxServers = n;
    this.count = options.count;
    this.slots = options.slots;
    this.queueLimit = options.queueLimit;
    this.speed = new Float64Array(n).fill(1);
    this.busy = new Int32Array(n);
    this.queued = new Int32Array(n);
    this.up = new Uint8Array(n).fill(1);
    this.completedCount = new Float64Array(n);
    this.busyIntegral = new Float64Array(n);
    this.queueIntegral = new Float64Array(n);
    this.lastChangeS = new Float64Array(n);
    this.queues = Array.from({ length: n }, () => new Int32Array(16));
    this.heads = new Int32Array(n);
    this.departKind = sim.register(this.depart);
  }

  /** Requests at server `i`, in service or waiting (what "connections" counts). */
  connections(i: number): number {
    return (this.busy[i] as number) + (this.queued[i] as number);
  }

  /** Accumulates the levels of server `i` from its last change up to now. */
  private touch(i: number): void {
    const now = this.sim.now;
    const lastChange = this.lastChangeS;
    const last = lastChange[i] as number;
    if (now <= last) return;
    lastChange[i] = now;
    const b = this.busy[i] as number;
    const q = this.queued[i] as number;
    const statsStart = this.statsStartS;
    const from = last > statsStart ? last : statsStart;
    if (now > from) {
      const dt = now - from;
      this.busyIntegral[i] = (this.busyIntegral[i] as number) + (b / this.slots) * dt;
      this.queueIntegral[i] = (this.queueIntegral[i] as number) + q * dt;
    }
    const buckets = this.buckets;
    if (buckets !== null && (b !== 0 || q !== 0)) {
      buckets.addLevelPairUntil(this.levelBase + 2 * i, last, now, b, q);
    }
  }

  /** Brings every server's integrals up to now (before reading them). */
  settle(): void {
    for (let i = 0; i < this.maxServers; i++) this.touch(i);
  }

  /** Offers request `req` to server `i`: served, queued, rejected, or failed if it is down. */
  accept(i: number, req: number): void {
    this.requests.server[req] = i;
    if (this.up[i] === 0) {
      this.listener.failed(req, i);
      return;
    }
    const b = this.busy[i] as number;
    if (b < this.slots) {
      this.touch(i);
      this.busy[i] = b + 1;
      this.start(i, req);
    } else if ((this.queued[i] as number) < this.queueLimit) {
      this.touch(i);
      this.enqueue(i, req);
    } else {
      this.listener.rejected(req, i);
    }
  }

  private start(i: number, req: number): void {
    const sim = this.sim;
    const requests = this.requests;
    const serviceS = (requests.workS[req] as number) / (this.speed[i] as number);
    sim.schedule(sim.now + serviceS, this.departKind, req, requests.token[req] as number);
    this.listener.started(req, i);
  }

  /** Ring queues have power-of-two lengths, so positions wrap with a mask. */
  private enqueue(i: number, req: number): void {
    let ring = this.queues[i] as Int32Array;
    const len = this.queued[i] as number;
    if (len === ring.length) {
      const bigger = new Int32Array(ring.length * 2);
      const head = this.heads[i] as number;
      for (let k = 0; k < len; k++) bigger[k] = ring[(head + k) & (len - 1)] as number;
      this.queues[i] = ring = bigger;
      this.heads[i] = 0;
    }
    ring[((this.heads[i] as number) + len) & (ring.length - 1)] = req;
    this.queued[i] = len + 1;
  }

  private dequeue(i: number): number {
    const ring = this.queues[i] as Int32Array;
    const head = this.heads[i] as number;
    const req = ring[head] as number;
    this.heads[i] = (head + 1) & (ring.length - 1);
    this.queued[i] = (this.queued[i] as number) - 1;
    return req;
  }

  /** Handler of departure events (an arrow function, registered without a wrapper). */
  private readonly depart = (req: number, token: number): void => {
    const requests = this.requests;
    if (requests.token[req] !== token) return; // the request failed with its server
    const i = requests.server[req] as number;
    this.touch(i);
    if (this.sim.now >= this.statsStartS) {
      this.completedCount[i] = (this.completedCount[i] as number) + 1;
    }
    this.listener.completed(req, i);
    const busy = this.busy;
    const b = (busy[i] as number) - 1;
    busy[i] = b;
    if (b < this.slots && (this.queued[i] as number) > 0) this.fillSlots(i);
  };

  /** Starts queued requests while server `i` has free slots. */
  private fillSlots(i: number): void {
    while ((this.busy[i] as number) < this.slots && (this.queued[i] as number) > 0) {
      this.busy[i] = (this.busy[i] as number) + 1;
      this.start(i, this.dequeue(i));
    }
  }

  /** Changes the slots per server; extra slots start queued work at once. */
  setSlots(slots: number): void {
    this.settle();
    this.slots = slots;
    for (let i = 0; i < this.count; i++) if (this.up[i] === 1) this.fillSlots(i);
  }

  /** Server `i` fails: everything it holds fails, and it refuses work until `recover`. */
  fail(i: number): void {
    if (this.up[i] === 0) return;
    this.touch(i);
    this.up[i] = 0;
    while ((this.queued[i] as number) > 0) this.listener.failed(this.dequeue(i), i);
    // Failures are rare, so a scan of the request table is cheaper than per-slot bookkeeping.
    // With the queue emptied, the requests still held by server i are the ones in service.
    const reqs = this.requests;
    for (let r = 0; r < reqs.highWater; r++) {
      if (reqs.server[r] === i) this.listener.failed(r, i);
    }
    this.busy[i] = 0;
  }

  recover(i: number): void {
    if (this.up[i] === 1) return;
    this.touch(i);
    this.up[i] = 1;
  }
}
