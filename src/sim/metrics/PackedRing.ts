// A bounded ring of fixed-size records packed in one Float64Array, for recent events the page
// draws (request traces, limiter answers). The writer asks for a slot and fills its fields;
// the page receives only what is new since its last snapshot, capped to the newest records.

export class PackedRing {
  private readonly data: Float64Array;
  private readonly capacity: number;
  private readonly mask: number;
  private written = 0;
  private readCursor = 0;

  /** `capacity` records of `fields` numbers each; capacity is rounded up to a power of two. */
  constructor(
    readonly fields: number,
    capacity: number,
  ) {
    this.capacity = 2 ** Math.ceil(Math.log2(Math.max(2, capacity)));
    this.mask = this.capacity - 1;
    this.data = new Float64Array(this.capacity * fields);
  }

  /** The array to write the next record into, at offset `next()` returns. */
  get buffer(): Float64Array {
    return this.data;
  }

  /** Claims the next record and returns its offset in `buffer` (the oldest is overwritten). */
  next(): number {
    return (this.written++ & this.mask) * this.fields;
  }

  /** Records written since the last call, at most `max` (the newest), packed flat. */
  takeNew(max: number): Float64Array {
    const f = this.fields;
    const from = Math.max(this.readCursor, this.written - Math.min(max, this.capacity));
    const n = this.written - from;
    const out = new Float64Array(n * f);
    for (let k = 0; k < n; k++) {
      const o = ((from + k) & this.mask) * f;
      out.set(this.data.subarray(o, o + f), k * f);
    }
    this.readCursor = this.written;
    return out;
  }
}
