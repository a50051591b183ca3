// A pool of servers, each with a relative speed, `slots` requests served at once and a FIFO
// queue of bounded length. Servers can fail and recover. Time-weighted busy and queue levels
// are integrated for utilisation and mean queue length.
//
// Level accounting is on the hot path, so it is kept to one add per change. A server's busy
// integral since time zero is busyFrom + busy x t: when busy changes by d at time t, busyFrom
// changes by -d x t (likewise the queue). Everything else is derived at "marks", times the
// pool passes rarely: the end of each chart bucket (the bucket's level is the difference of
// the integrals at its ends) and the statistics start (integrals there are kept, and later
// ones are measured from them). Levels only change at events, so the integrals at a mark are
// exact as long as the mark is passed before the first change at or after it.
import type { EventQueue } from '../core/EventQueue.ts';
import type { EventTarget, Simulation } from '../core/Simulation.ts';
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

export class ServerPool implements EventTarget {
  readonly maxServers: number;
  /** Servers in service (indices below `count`); others are switched off. */
  get count(): number {
    return this.serverCount;
  }

  set count(n: number) {
    this.serverCount = n;
    if (n > this.everCount) this.everCount = n;
  }

  private serverCount = 0;
  /**
   * The most servers ever in service: only these can hold levels (a server switched off
   * finishes its work), so bucket closes and settling loop over them, not over maxServers.
   */
  private everCount = 0;
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
  /**
   * The integrals since time zero, busy slots x seconds and queued requests x seconds, are
   * busyFrom + busy x t and queuedFrom + queued x t.
   */
  private readonly busyFrom: Float64Array;
  private readonly queuedFrom: Float64Array;
  /** The running integrals at the start of the open chart bucket. */
  private readonly bucketBusyFrom: Float64Array;
  private readonly bucketQueuedFrom: Float64Array;
  /** Start of the open chart bucket, and the next mark (bucket end or statistics start). */
  private openBucketS = 0;
  private nextMarkS = Infinity;
  private bucketEndS = Infinity;
  /**
   * Statistics: once started, busy share x seconds of slot periods already closed (a change of
   * slots closes one), the busy integral where the open period began, and the queue integral
   * at the statistics start.
   */
  private statsStarted = false;
  private statsStart = 0;
  private readonly shareClosed: Float64Array;
  private readonly busyPeriodFrom: Float64Array;
  private readonly queuedStatsFrom: Float64Array;
  private queues: Int32Array[];
  private readonly heads: Int32Array;
  private readonly departKind: number;
  private readonly queue: EventQueue;

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
    this.busyFrom = new Float64Array(n);
    this.queuedFrom = new Float64Array(n);
    this.bucketBusyFrom = new Float64Array(n);
    this.bucketQueuedFrom = new Float64Array(n);
    this.shareClosed = new Float64Array(n);
    this.busyPeriodFrom = new Float64Array(n);
    this.queuedStatsFrom = new Float64Array(n);
    if (buckets !== null) this.bucketEndS = buckets.bucketEnd(0);
    this.statsStartS = 0;
    this.queues = Array.from({ length: n }, () => new Int32Array(16));
    this.heads = new Int32Array(n);
    this.departKind = sim.registerTarget(this);
    this.queue = sim.queue;
  }

  /** Requests at server `i`, in service or waiting (what "connections" counts). */
  connections(i: number): number {
    return (this.busy[i] as number) + (this.queued[i] as number);
  }

  /** Statistics ignore time before this. Set it before the run passes it. */
  get statsStartS(): number {
    return this.statsStart;
  }

  set statsStartS(t: number) {
    this.statsStart = t;
    this.statsStarted = false;
    this.nextMarkS = Math.min(t, this.bucketEndS);
  }

  /** Passes the marks due by now; call before changing any level at the current time. */
  private passMarksDue(): void {
    const now = this.sim.now;
    if (now >= this.nextMarkS) this.passMarks(now);
  }

  /** Server `i`'s busy integral since time zero (busy slots x seconds) at time `t`. */
  private busyAt(i: number, t: number): number {
    return (this.busyFrom[i] as number) + (this.busy[i] as number) * t;
  }

  /** Server `i`'s queue integral since time zero (queued requests x seconds) at time `t`. */
  private queuedAt(i: number, t: number): number {
    return (this.queuedFrom[i] as number) + (this.queued[i] as number) * t;
  }

  /** Handles every mark up to `now`, in time order (rare: once per bucket and once at start). */
  private passMarks(now: number): void {
    while (now >= this.nextMarkS) {
      const t = this.nextMarkS;
      if (!this.statsStarted && t >= this.statsStart) {
        this.statsStarted = true;
        for (let i = 0; i < this.everCount; i++) {
          this.shareClosed[i] = 0;
          this.busyPeriodFrom[i] = this.busyAt(i, t);
          this.queuedStatsFrom[i] = this.queuedAt(i, t);
        }
      }
      if (t >= this.bucketEndS) this.closeBucket(t);
      this.nextMarkS = this.statsStarted
        ? this.bucketEndS
        : Math.min(this.statsStart, this.bucketEndS);
    }
  }

  /** Writes each server's levels over [openBucketS, t) into the open bucket; t starts the next. */
  private closeBucket(t: number): void {
    const buckets = this.buckets as TimeBuckets;
    this.flushBucket(t);
    this.openBucketS = t;
    this.bucketEndS = buckets.bucketEnd(t);
  }

  private flushBucket(t: number): void {
    const buckets = this.buckets as TimeBuckets;
    // By time, not by a kept index: the buckets may have merged since the bucket opened.
    const k = buckets.index(this.openBucketS);
    for (let i = 0; i < this.everCount; i++) {
      const busy = this.busyAt(i, t);
      const queued = this.queuedAt(i, t);
      buckets.addAt(this.levelBase + 2 * i, k, busy - (this.bucketBusyFrom[i] as number));
      buckets.addAt(this.levelBase + 2 * i + 1, k, queued - (this.bucketQueuedFrom[i] as number));
      this.bucketBusyFrom[i] = busy;
      this.bucketQueuedFrom[i] = queued;
    }
  }

  /**
   * Brings every server's integrals up to now (before reading them): `busyIntegral`,
   * `queueIntegral` and the open bucket's levels then hold everything up to now.
   */
  settle(): void {
    this.passMarksDue();
    const now = this.sim.now;
    if (this.buckets !== null && now > this.openBucketS) this.flushBucket(now);
    for (let i = 0; i < this.everCount; i++) {
      if (this.statsStarted) {
        this.busyIntegral[i] =
          (this.shareClosed[i] as number) +
          (this.busyAt(i, now) - (this.busyPeriodFrom[i] as number)) / this.slots;
        this.queueIntegral[i] = this.queuedAt(i, now) - (this.queuedStatsFrom[i] as number);
      } else {
        this.busyIntegral[i] = 0;
        this.queueIntegral[i] = 0;
      }
    }
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
      this.passMarksDue();
      this.busy[i] = b + 1;
      this.busyFrom[i] = (this.busyFrom[i] as number) - this.sim.now;
      this.start(i, req);
    } else if ((this.queued[i] as number) < this.queueLimit) {
      this.passMarksDue();
      this.enqueue(i, req);
    } else {
      this.listener.rejected(req, i);
    }
  }

  private start(i: number, req: number): void {
    const requests = this.requests;
    const serviceS = (requests.workS[req] as number) / (this.speed[i] as number);
    // Straight into the queue (one call less on the hot path); a NaN would break its order.
    if (!(serviceS >= 0)) throw new Error(`service time is not a number for server ${i}`);
    this.queue.push(this.sim.now + serviceS, this.departKind, req, requests.token[req] as number);
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
    this.queuedFrom[i] = (this.queuedFrom[i] as number) - this.sim.now;
  }

  private dequeue(i: number): number {
    const ring = this.queues[i] as Int32Array;
    const head = this.heads[i] as number;
    const req = ring[head] as number;
    this.heads[i] = (head + 1) & (ring.length - 1);
    this.queued[i] = (this.queued[i] as number) - 1;
    this.queuedFrom[i] = (this.queuedFrom[i] as number) + this.sim.now;
    return req;
  }

  /** The pool's one event kind: a departure (`a` the request, `b` its token). */
  onEvent(_kind: number, req: number, token: number): void {
    this.depart(req, token);
  }

  private depart(req: number, token: number): void {
    const requests = this.requests;
    if (requests.token[req] !== token) return; // the request failed with its server
    const i = requests.server[req] as number;
    const now = this.sim.now;
    if (now >= this.nextMarkS) this.passMarks(now); // passMarksDue, with `now` kept for below
    if (now >= this.statsStart) this.completedCount[i] = (this.completedCount[i] as number) + 1;
    this.listener.completed(req, i);
    const b = (this.busy[i] as number) - 1;
    if (b < this.slots && (this.queued[i] as number) > 0) {
      // The freed slot takes the next queued request at once: busy stays as it is.
      this.busy[i] = b + 1;
      this.start(i, this.dequeue(i));
      if (b + 1 < this.slots) this.fillSlots(i);
    } else {
      this.busy[i] = b;
      this.busyFrom[i] = (this.busyFrom[i] as number) + now;
    }
  }

  /** Starts queued requests while server `i` has free slots. */
  private fillSlots(i: number): void {
    while ((this.busy[i] as number) < this.slots && (this.queued[i] as number) > 0) {
      this.busy[i] = (this.busy[i] as number) + 1;
      this.busyFrom[i] = (this.busyFrom[i] as number) - this.sim.now;
      this.start(i, this.dequeue(i));
    }
  }

  /** Changes the slots per server; extra slots start queued work at once. */
  setSlots(slots: number): void {
    this.settle();
    // Close the busy-share period: time so far counts against the old number of slots.
    for (let i = 0; i < this.everCount; i++) {
      this.shareClosed[i] = this.busyIntegral[i] as number;
      this.busyPeriodFrom[i] = this.busyAt(i, this.sim.now);
    }
    this.slots = slots;
    for (let i = 0; i < this.count; i++) if (this.up[i] === 1) this.fillSlots(i);
  }

  /** Server `i` fails: everything it holds fails, and it refuses work until `recover`. */
  fail(i: number): void {
    if (this.up[i] === 0) return;
    this.passMarksDue();
    this.up[i] = 0;
    while ((this.queued[i] as number) > 0) this.listener.failed(this.dequeue(i), i);
    // Failures are rare, so a scan of the request table is cheaper than per-slot bookkeeping.
    // With the queue emptied, the requests still held by server i are the ones in service.
    const reqs = this.requests;
    for (let r = 0; r < reqs.capacity; r++) {
      if (reqs.server[r] === i) this.listener.failed(r, i);
    }
    this.busyFrom[i] = this.busyAt(i, this.sim.now);
    this.busy[i] = 0;
  }

  recover(i: number): void {
    if (this.up[i] === 1) return;
    this.up[i] = 1;
  }
}
