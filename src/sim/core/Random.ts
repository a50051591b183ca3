// Seeded pseudo-random numbers: sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded
// through splitmix32 so that nearby seeds give unrelated streams. Identical in every runtime.

/** Mixes a 32-bit integer into a well-spread 32-bit value (splitmix32 finaliser). */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seeded generator. `next()` gives a float in [0, 1) with 32 bits of randomness. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed` is any 32-bit unsigned integer; `stream` separates independent uses of one seed. */
  constructor(seed: number, stream = 0) {
    const s = mix32((seed >>> 0) ^ mix32(stream + 0x51ed27));
    this.a = mix32(s);
    this.b = mix32(s + 1);
    this.c = mix32(s + 2);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  nextUint32(): number {
    // Each state word read once and written once: short enough to inline at every draw.
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((this.a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in (0, 1]: safe inside a logarithm. */
  nextOpen(): number {
    return (this.nextUint32() + 1) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}
