// Hashing for client affinity: a 32-bit hash of client addresses, and a consistent-hash ring
// with virtual nodes. Both are pure and deterministic.
import { mix32 } from '../core/Random.ts';

/** Hash of a client address (the client's index stands in for its IP address). */
export function clientHash(client: number): number {
  return mix32(Math.imul(client + 1, 0x27d4eb2d) ^ 0x165667b1);
}

/** A hash ring: `vnodes` points per server, sorted by position. */
export class HashRing {
  private positions = new Uint32Array(0);
  private owners = new Int32Array(0);

  /** Rebuilds the ring for servers 0..servers-1. */
  build(servers: number, vnodes: number): void {
    const n = servers * vnodes;
    const pos = new Uint32Array(n);
    const own = new Int32Array(n);
    const order = new Int32Array(n);
    for (let s = 0, k = 0; s < servers; s++) {
      for (let v = 0; v < vnodes; v++, k++) {
        pos[k] = mix32(Math.imul(s + 1, 0x9e3779b1) ^ mix32(v + 0x1234567));
        own[k] = s;
        order[k] = k;
      }
    }
    order.sort(
      (x, y) => (pos[x] as number) - (pos[y] as number) || (own[x] as number) - (own[y] as number),
    );
    this.positions = new Uint32Array(n);
    this.owners = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      this.positions[k] = pos[order[k] as number] as number;
      this.owners[k] = own[order[k] as number] as number;
    }
  }

  /**
   * The first server clockwise from `hash` for which `eligible` is true, or -1 if none is.
   */
  lookup(hash: number, eligible: Uint8Array): number {
    const pos = this.positions;
    const n = pos.length;
    if (n === 0) return -1;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pos[mid] as number) < hash) lo = mid + 1;
      else hi = mid;
    }
    for (let k = 0; k < n; k++) {
      const owner = this.owners[(lo + k) % n] as number;
      if (eligible[owner] === 1) return owner;
    }
    return -1;
  }
}
