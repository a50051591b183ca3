// The comparison point for `npm run bench`: the smallest honest M/M/c simulation, a binary
// heap over typed arrays and a FIFO ring buffer, with only a running sum of waiting times.
// The real core must reach a good fraction of this speed while doing far more bookkeeping.
// `fifoTies` makes the heap honour the core's ordering contract (equal times in insertion
// order, which needs a sequence number per event); without it ties fall out arbitrarily.
import { Random } from '../src/sim/core/Random.ts';

export interface BaselineResult {
  readonly events: number;
  readonly customers: number;
  readonly meanWaitS: number;
}

const ARRIVAL = 0;
const DEPARTURE = 1;

/** Simulates M/M/c until `customers` have arrived; ties in time are broken arbitrarily. */
export function runBaseline(
  lambda: number,
  mu: number,
  c: number,
  customers: number,
  seed: number,
  fifoTies: boolean,
): BaselineResult {
  const rng = new Random(seed, 1);
  let cap = 1024;
  let times = new Float64Array(cap);
  let seqs = new Float64Array(cap);
  let kinds = new Uint8Array(cap);
  let n = 0;
  let nextSeq = 0;
  const push = (t: number, k: number) => {
    if (n === cap) {
      cap *= 2;
      const nt = new Float64Array(cap);
      nt.set(times);
      times = nt;
      const ns = new Float64Array(cap);
      ns.set(seqs);
      seqs = ns;
      const nk = new Uint8Array(cap);
      nk.set(kinds);
      kinds = nk;
    }
    const seq = nextSeq++;
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((times[p] as number) <= t) break; // an equal time was pushed earlier: it stays above
      times[i] = times[p] as number;
      seqs[i] = seqs[p] as number;
      kinds[i] = kinds[p] as number;
      i = p;
    }
    times[i] = t;
    seqs[i] = seq;
    kinds[i] = k;
  };
  let queue = new Float64Array(1024); // arrival times of waiting customers
  let qHead = 0;
  let qLen = 0;
  let busy = 0;
  let arrived = 0;
  let served = 0;
  let waitSum = 0;
  let events = 0;
  push(-Math.log(rng.nextOpen()) / lambda, ARRIVAL);
  while (n > 0) {
    const now = times[0] as number;
    const kind = kinds[0] as number;
    // pop
    const last = --n;
    if (last > 0) {
      const lt = times[last] as number;
      const ls = seqs[last] as number;
      const lk = kinds[last] as number;
      let i = 0;
      const half = last >> 1;
      while (i < half) {
        let ch = 2 * i + 1;
        const r = ch + 1;
        if (r < last) {
          const rt = times[r] as number;
          const ct = times[ch] as number;
          if (rt < ct || (fifoTies && rt === ct && (seqs[r] as number) < (seqs[ch] as number)))
            ch = r;
        }
        const ct = times[ch] as number;
        if (lt < ct || (lt === ct && (!fifoTies || ls < (seqs[ch] as number)))) break;
        times[i] = ct;
        seqs[i] = seqs[ch] as number;
        kinds[i] = kinds[ch] as number;
        i = ch;
      }
      times[i] = lt;
      seqs[i] = ls;
      kinds[i] = lk;
    }
    events++;
    if (kind === ARRIVAL) {
      arrived++;
      if (arrived < customers) push(now - Math.log(rng.nextOpen()) / lambda, ARRIVAL);
      if (busy < c) {
        busy++;
        served++;
        push(now - Math.log(rng.nextOpen()) / mu, DEPARTURE);
      } else {
        if (qLen === queue.length) {
          const bigger = new Float64Array(queue.length * 2);
          for (let k = 0; k < qLen; k++) bigger[k] = queue[(qHead + k) % queue.length] as number;
          queue = bigger;
          qHead = 0;
        }
        queue[(qHead + qLen) % queue.length] = now;
        qLen++;
      }
    } else if (qLen > 0) {
      const arrivedAt = queue[qHead] as number;
      qHead = (qHead + 1) % queue.length;
      qLen--;
      waitSum += now - arrivedAt;
      served++;
      push(now - Math.log(rng.nextOpen()) / mu, DEPARTURE);
    } else {
      busy--;
    }
  }
  return { events, customers: served, meanWaitS: waitSum / served };
}
