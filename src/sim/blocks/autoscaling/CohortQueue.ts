// A first-in-first-out queue of request cohorts served as a fluid: the traffic of one time
// step is one cohort whose requests arrived evenly over the step. A server of a given rate
// takes cohorts from the head; each served piece reports when its first and last requests
// arrived and finished, so waiting times come from the queue itself, exact for a fluid.
// Cohorts carry two arrival windows: when the requests entered the system (`origin`, for
// latency and timeouts) and when they became ready at this stage (`ready`).

/**
 * Receives each served piece of `count` requests. The request at share g (0..1) of the piece
 * entered at `origin0 + g (origin1 - origin0)` and finished at the later of the server's pace,
 * `pace0 + g (pace1 - pace0)`, and its readiness, `ready0 + g (ready1 - ready0)`.
 */
export type PieceSink = (
  count: number,
  origin0: number,
  origin1: number,
  pace0: number,
  pace1: number,
  ready0: number,
  ready1: number,
) => void;

/** Finish time of the request at share g of a piece (see {@link PieceSink}). */
export function finishAt(
  g: number,
  pace0: number,
  pace1: number,
  ready0: number,
  ready1: number,
): number {
  const a = pace0 + g * (pace1 - pace0);
  const b = ready0 + g * (ready1 - ready0);
  return a > b ? a : b;
}

/** Receives each timed-out piece: `count` requests that entered over [origin0, origin1]. */
export type ExpirySink = (count: number, origin0: number, origin1: number) => void;

export class CohortQueue {
  private origin0: Float64Array;
  private origin1: Float64Array;
  private ready0: Float64Array;
  private ready1: Float64Array;
  private count: Float64Array;
  private head = 0;
  private size = 0;
  /** Requests waiting (fractional: a fluid). */
  total = 0;

  constructor(initial = 64) {
    this.origin0 = new Float64Array(initial);
    this.origin1 = new Float64Array(initial);
    this.ready0 = new Float64Array(initial);
    this.ready1 = new Float64Array(initial);
    this.count = new Float64Array(initial);
  }

  get cohorts(): number {
    return this.size;
  }

  private grow(): void {
    const cap = this.count.length;
    const copy = (a: Float64Array) => {
      const b = new Float64Array(cap * 2);
      for (let k = 0; k < this.size; k++) b[k] = a[(this.head + k) % cap] as number;
      return b;
    };
    this.origin0 = copy(this.origin0);
    this.origin1 = copy(this.origin1);
    this.ready0 = copy(this.ready0);
    this.ready1 = copy(this.ready1);
    this.count = copy(this.count);
    this.head = 0;
  }

  /** Appends `count` requests that entered over [origin0, origin1] and are ready over [ready0, ready1]. */
  push(count: number, origin0: number, origin1: number, ready0: number, ready1: number): void {
    if (!(count > 0)) return;
    if (this.size === this.count.length) this.grow();
    const k = (this.head + this.size) % this.count.length;
    this.origin0[k] = origin0;
    this.origin1[k] = origin1;
    this.ready0[k] = ready0;
    this.ready1[k] = ready1;
    this.count[k] = count;
    this.size++;
    this.total += count;
  }

  /**
   * Serves from the head at `rate` requests per second from time `t0` until `t1`, never
   * finishing a request before it is ready. With `onExpire`, no request is served after it has
   * waited `maxWaitS` since it entered: once the head is that old, the server keeps taking
   * requests from it (each waiting exactly `maxWaitS`) while the rest of those reaching the
   * deadline time out, as a fluid queue with a timeout does. Returns the requests served.
   */
  serve(
    rate: number,
    t0: number,
    t1: number,
    sink: PieceSink,
    maxWaitS = Infinity,
    onExpire?: ExpirySink,
  ): number {
    if (!(rate > 0) || t1 <= t0) return 0;
    const expired = maxWaitS < Infinity ? onExpire : undefined;
    let cursor = t0;
    let served = 0;
    while (this.size > 0 && cursor < t1) {
      const k = this.head;
      const r0 = this.ready0[k] as number;
      const start = cursor > r0 ? cursor : r0;
      if (start >= t1) break;
      // Requests that passed their deadline before the server reached them leave first.
      if (expired && (this.origin0[k] as number) < start - maxWaitS) {
        this.expire(start - maxWaitS, expired);
        continue;
      }
      const n = this.count[k] as number;
      const r1 = this.ready1[k] as number;
      const o0 = this.origin0[k] as number;
      const o1 = this.origin1[k] as number;
      // Finish time of the share f of this cohort: the later of the server's pace and readiness.
      const byPace = ((t1 - start) * rate) / n;
      const byReady = r1 > r0 ? (t1 - r0) / (r1 - r0) : 1;
      let f = byPace < byReady ? byPace : byReady;
      if (f > 1) f = 1;
      // At the server's pace the wait grows along the cohort by `slope` per share when the
      // server is slower than the cohort arrived; stop where it would pass the deadline.
      const slope = n / rate - (o1 - o0);
      let atDeadline = false;
      if (expired && slope > 0) {
        const g = (o0 + maxWaitS - start) / slope;
        if (g < f) {
          f = g > 0 ? g : 0;
          atDeadline = true;
        }
      }
      if (!(f > 0) && !atDeadline) break;
      const part = n * f;
      const paceEnd = start + part / rate;
      const readyEnd = r0 + f * (r1 - r0);
      const done1 = paceEnd > readyEnd ? paceEnd : readyEnd;
      if (part > 0) {
        sink(part, o0, o0 + f * (o1 - o0), start, paceEnd, r0, readyEnd);
        served += part;
        this.total -= part;
      }
      cursor = done1;
      if (f >= 1 - 1e-12) {
        this.head = (k + 1) % this.count.length;
        this.size--;
        continue;
      }
      this.count[k] = n - part;
      this.origin0[k] = o0 + f * (o1 - o0);
      this.ready0[k] = readyEnd;
      if (!atDeadline) break;
      // The head has reached its deadline: until t1 (or until this cohort is gone) it moves
      // with the deadline; the server takes `rate` per second from it, the rest time out.
      const whole = o1 + maxWaitS <= t1;
      const end = whole ? o1 + maxWaitS : t1;
      const a0 = this.origin0[k] as number;
      const q0 = this.ready0[k] as number;
      const left = n - part;
      let share = whole ? 1 : (t1 - maxWaitS - a0) / (o1 - a0);
      if (!(share < 1)) share = 1;
      if (!(share > 0)) share = 0;
      const dt = end > cursor ? end - cursor : 0;
      const reach = left * share;
      const take = Math.min(reach, rate * dt);
      const a = a0 + share * (o1 - a0);
      const q = q0 + share * (r1 - q0);
      if (take > 0) sink(take, a0, a, cursor, end, q0, q);
      if (reach - take > 0) expired?.(reach - take, a0, a);
      served += take;
      this.total -= reach;
      cursor = end;
      if (share === 1) {
        this.head = (k + 1) % this.count.length;
        this.size--;
      } else {
        this.count[k] = left - reach;
        this.origin0[k] = a;
        this.ready0[k] = q;
      }
    }
    if (this.size === 0) this.total = 0;
    return served;
  }

  /** Removes every request that entered before `deadline`; each removed piece goes to `sink`. */
  expire(deadline: number, sink: ExpirySink): number {
    const cap = this.count.length;
    let removed = 0;
    while (this.size > 0) {
      const k = this.head;
      const o0 = this.origin0[k] as number;
      const o1 = this.origin1[k] as number;
      if (o0 >= deadline) break;
      const n = this.count[k] as number;
      const f = o1 > o0 ? Math.min(1, (deadline - o0) / (o1 - o0)) : 1;
      const part = n * f;
      sink(part, o0, o0 + f * (o1 - o0));
      removed += part;
      this.total -= part;
      if (f >= 1 - 1e-12) {
        this.head = (k + 1) % cap;
        this.size--;
      } else {
        const r0 = this.ready0[k] as number;
        const r1 = this.ready1[k] as number;
        this.count[k] = n - part;
        this.origin0[k] = deadline;
        this.ready0[k] = r0 + f * (r1 - r0);
        break;
      }
    }
    if (this.size === 0) this.total = 0;
    return removed;
  }
}
