// Requests in flight, stored as columns of typed arrays with a free list so that creating and
// finishing a request allocates nothing once the table has grown to the working size.

export class RequestTable {
  /** Arrival time at the system, seconds. */
  arrivalS: Float64Array;
  /** Work demanded, in seconds of service at speed 1. */
  workS: Float64Array;
  client: Int32Array;
  /** The server holding the request, or -1 (not yet routed, or finished). */
  server: Int32Array;
  /** Bumped when a request is finished, so stale events about it can be recognised. */
  token: Int32Array;
  private free: Int32Array;
  private freeCount = 0;
  private used = 0;

  constructor(capacity = 1024) {
    this.arrivalS = new Float64Array(capacity);
    this.workS = new Float64Array(capacity);
    this.client = new Int32Array(capacity);
    this.server = new Int32Array(capacity);
    this.token = new Int32Array(capacity);
    this.free = new Int32Array(capacity);
  }

  private grow(): void {
    const cap = this.arrivalS.length * 2;
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
    this.server = i32(this.server);
    this.token = i32(this.token);
    this.free = i32(this.free);
  }

  /** Ids below this bound have been used at least once (scan range for rare lookups). */
  get highWater(): number {
    return this.used;
  }

  /** Returns the id of a fresh request. */
  alloc(arrivalS: number, workS: number, client: number): number {
    let id: number;
    if (this.freeCount > 0) {
      id = this.free[--this.freeCount] as number;
    } else {
      if (this.used === this.arrivalS.length) this.grow();
      id = this.used++;
    }
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
    this.freeCount = 0;
    this.used = 0;
    this.server.fill(-1);
  }
}
