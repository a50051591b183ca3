// Requests in flight, stored as columns of typed arrays with a free list so that creating and
// finishing a request allocates nothing once the table has grown to the working size.

export class RequestTable {
  // The columns start empty here and are sized by the constructor: a field declared without a
  // value is first defined as undefined (standard class fields), and V8 would then check each
  // column's type on every access instead of knowing it.
  /** Arrival time at the system, seconds. */
  arrivalS = new Float64Array(0);
  /** Work demanded, in seconds of service at speed 1. */
  workS = new Float64Array(0);
  client = new Int32Array(0);
  /** The server holding the request, or -1 (not yet routed, or finished). */
  server = new Int32Array(0);
  /** Bumped when a request is finished, so stale events about it can be recognised. */
  token = new Int32Array(0);
  /** Ids not in use, the next one last. */
  private free = new Int32Array(0);
  private freeCount = 0;

  constructor(capacity = 1024) {
    this.arrivalS = new Float64Array(capacity);
    this.workS = new Float64Array(capacity);
    this.client = new Int32Array(capacity);
    this.server = new Int32Array(capacity);
    this.token = new Int32Array(capacity);
    this.server.fill(-1);
    this.free = new Int32Array(capacity);
    this.freeAbove(0);
  }

  private grow(): void {
    const old = this.arrivalS.length;
    const cap = old * 2;
    const f64 = (old: Float64Array) => {
      const a = new Float64Array(cap);
      a.set(old);
      return a;
    };
    const i32 = (old: Int32Array) => {
      const a = new Int32Array(cap);
      a.set(old);
      return a;
    };
    this.arrivalS = f64(this.arrivalS);
    this.workS = f64(this.workS);
    this.client = i32(this.client);
    this.token = i32(this.token);
    this.server = i32(this.server);
    this.server.fill(-1, old);
    // The table was full, so no id was free: the new ones are.
    this.free = new Int32Array(cap);
    this.freeAbove(old);
  }

  /** Frees ids from `from` up to the capacity, lowest handed out first. */
  private freeAbove(from: number): void {
    const cap = this.free.length;
    for (let k = 0; k < cap - from; k++) this.free[k] = cap - 1 - k;
    this.freeCount = cap - from;
  }

  /** Ids below this bound may be in use (the scan range for rare lookups). */
  get capacity(): number {
    return this.server.length;
  }

  /** Returns the id of a fresh request. */
  alloc(arrivalS: number, workS: number, client: number): number {
    if (this.freeCount === 0) this.grow();
    const id = this.free[--this.freeCount] as number;
    this.arrivalS[id] = arrivalS;
    this.workS[id] = workS;
    this.client[id] = client;
    this.server[id] = -1;
    return id;
  }

  release(id: number): void {
    this.token[id] = ((this.token[id] as number) + 1) | 0;
    this.server[id] = -1;
    this.free[this.freeCount++] = id;
  }

  clear(): void {
    this.server.fill(-1);
    this.freeAbove(0);
  }
}
