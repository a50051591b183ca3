// A fleet of instances with a lifecycle: launched instances boot, then warm up (serving at
// reduced speed and left out of the metric), then serve; removed instances drain (no new
// requests, still billed) and then stop. The autoscaler only ever asks for a desired count;
// every delay between that wish and real capacity lives here, timed exactly by events.
import type { Simulation } from '../../core/Simulation.ts';
import type { TimeBuckets } from '../../metrics/TimeBuckets.ts';
import type { ScalableFleet } from './Autoscaler.ts';
import type { FleetView } from './policy.ts';

export const FREE = 0;
export const BOOTING = 1;
export const WARMING = 2;
export const IN_SERVICE = 3;
export const DRAINING = 4;
export type InstanceState = 0 | 1 | 2 | 3 | 4;

export interface FleetOptions {
  /** Requests per second one instance serves at full speed (100 % CPU). */
  capacityRps: number;
  provisioningDelayS: number;
  instanceWarmupS: number;
  /** Share of full speed while warming up (0..1). */
  warmupSpeed: number;
  drainS: number;
}

/** Time-bucket levels the fleet integrates, from `levelBase`: booting, warming, serving, draining. */
export const FLEET_LEVELS = 4;

export class Fleet implements ScalableFleet {
  readonly options: FleetOptions;
  readonly capacity: number;
  readonly state: Uint8Array;
  /** When each instance entered its current state, and when it was launched. */
  readonly sinceS: Float64Array;
  readonly launchedS: Float64Array;
  /** Bumped whenever an instance's pending event must be ignored (it was removed). */
  private readonly token: Int32Array;
  /** Instances per state, indexed by state. */
  readonly counts = new Int32Array(5);
  /** Launch order, so scale-in removes the newest first. */
  private readonly order: Int32Array;
  private serial = 0;
  /** Integrals since the last `take`: capacity (requests), counted instance-seconds. */
  private capacityAcc = 0;
  private countedAcc = 0;
  /** Billed instance-seconds since the statistics start. */
  billedSeconds = 0;
  statsStartS = 0;
  private lastS = 0;
  private readonly bootKind: number;
  private readonly warmKind: number;
  private readonly drainKind: number;

  constructor(
    private readonly sim: Simulation,
    options: FleetOptions,
    private readonly buckets: TimeBuckets | null,
    private readonly levelBase: number,
    capacity = 1024,
  ) {
    this.options = { ...options };
    this.capacity = capacity;
    this.state = new Uint8Array(capacity);
    this.sinceS = new Float64Array(capacity);
    this.launchedS = new Float64Array(capacity);
    this.token = new Int32Array(capacity);
    this.order = new Int32Array(capacity);
    this.bootKind = sim.register(this.bootDone);
    this.warmKind = sim.register(this.warmDone);
    this.drainKind = sim.register(this.drainDone);
  }

  /** Instances launched and not removed: booting, warming or serving (the realised wish). */
  get active(): number {
    const c = this.counts;
    return (c[BOOTING] as number) + (c[WARMING] as number) + (c[IN_SERVICE] as number);
  }

  view(): FleetView {
    const c = this.counts;
    return {
      desired: this.active,
      booting: c[BOOTING] as number,
      warming: c[WARMING] as number,
      inService: c[IN_SERVICE] as number,
    };
  }

  /** Instances billed now: everything but free slots. */
  get billed(): number {
    return this.active + (this.counts[DRAINING] as number);
  }

  /** Requests per second the fleet can serve right now. */
  capacityRps(): number {
    const c = this.counts;
    const o = this.options;
    return ((c[IN_SERVICE] as number) + o.warmupSpeed * (c[WARMING] as number)) * o.capacityRps;
  }

  /** Accumulates the integrals up to now; called before every change and every read. */
  touch(): void {
    const now = this.sim.now;
    const last = this.lastS;
    if (now <= last) return;
    const dt = now - last;
    this.capacityAcc += this.capacityRps() * dt;
    this.countedAcc += (this.counts[IN_SERVICE] as number) * dt;
    const from = last > this.statsStartS ? last : this.statsStartS;
    if (now > from) this.billedSeconds += this.billed * (now - from);
    const b = this.buckets;
    if (b) {
      for (let s = BOOTING; s <= DRAINING; s++) {
        const n = this.counts[s] as number;
        if (n > 0) b.addLevel(this.levelBase + s - 1, last, now, n);
      }
    }
    this.lastS = now;
  }

  /** Requests the fleet could serve since the last call, and resets the integral. */
  takeCapacity(): number {
    this.touch();
    const c = this.capacityAcc;
    this.capacityAcc = 0;
    return c;
  }

  /** In-service instance-seconds since the last call (the metric's denominator), and resets. */
  takeCountedSeconds(): number {
    this.touch();
    const c = this.countedAcc;
    this.countedAcc = 0;
    return c;
  }

  private setState(i: number, s: InstanceState): void {
    const old = this.state[i] as number;
    this.counts[old] = (this.counts[old] as number) - 1;
    this.counts[s] = (this.counts[s] as number) + 1;
    this.state[i] = s;
    this.sinceS[i] = this.sim.now;
  }

  private freeSlot(): number {
    for (let i = 0; i < this.capacity; i++) if (this.state[i] === FREE) return i;
    throw new Error(`fleet is full (${this.capacity} instances)`);
  }

  /** Adds `n` instances that are already serving (the fleet a run starts with). */
  startWith(n: number): void {
    this.touch();
    for (let k = 0; k < n; k++) {
      const i = this.freeSlot();
      this.counts[FREE] = (this.counts[FREE] as number) + 1;
      this.setState(i, IN_SERVICE);
      this.launchedS[i] = this.sim.now;
      this.order[i] = this.serial++;
    }
  }

  /** Launches or removes instances until `active` equals `desired`. */
  setDesired(desired: number): void {
    const target = Math.max(0, Math.floor(desired));
    this.touch();
    while (this.active < target) this.launch();
    while (this.active > target) this.removeNewest();
  }

  private launch(): void {
    const i = this.freeSlot();
    const now = this.sim.now;
    this.counts[FREE] = (this.counts[FREE] as number) + 1;
    this.setState(i, BOOTING);
    this.launchedS[i] = now;
    this.order[i] = this.serial++;
    this.token[i] = (this.token[i] as number) + 1;
    this.sim.schedule(now + this.options.provisioningDelayS, this.bootKind, i, this.token[i]);
  }

  /** Cancels a booting instance first, then a warming one, then the newest serving one. */
  private removeNewest(): void {
    for (const s of [BOOTING, WARMING, IN_SERVICE] as const) {
      let pick = -1;
      for (let i = 0; i < this.capacity; i++) {
        if (
          this.state[i] === s &&
          (pick < 0 || (this.order[i] as number) > (this.order[pick] as number))
        )
          pick = i;
      }
      if (pick < 0) continue;
      this.token[pick] = (this.token[pick] as number) + 1;
      if (s === BOOTING) {
        // Never took traffic: it stops at once (billed until now).
        this.setState(pick, FREE);
        this.counts[FREE] = (this.counts[FREE] as number) - 1;
      } else {
        this.setState(pick, DRAINING);
        this.sim.schedule(
          this.sim.now + this.options.drainS,
          this.drainKind,
          pick,
          this.token[pick],
        );
      }
      return;
    }
  }

  private readonly bootDone = (i: number, token: number): void => {
    if (this.token[i] !== token || this.state[i] !== BOOTING) return;
    this.touch();
    if (this.options.instanceWarmupS > 0) {
      this.setState(i, WARMING);
      this.sim.schedule(this.sim.now + this.options.instanceWarmupS, this.warmKind, i, token);
    } else {
      this.setState(i, IN_SERVICE);
    }
  };

  private readonly warmDone = (i: number, token: number): void => {
    if (this.token[i] !== token || this.state[i] !== WARMING) return;
    this.touch();
    this.setState(i, IN_SERVICE);
  };

  private readonly drainDone = (i: number, token: number): void => {
    if (this.token[i] !== token || this.state[i] !== DRAINING) return;
    this.touch();
    this.setState(i, FREE);
    this.counts[FREE] = (this.counts[FREE] as number) - 1;
  };

  /** Changes a delay or the capacity; instances already on their way keep their timers. */
  configure(options: Partial<FleetOptions>): void {
    this.touch();
    Object.assign(this.options, options);
  }

  /** Every instance that is not free, packed as [state, sinceS, launchedS] triples. */
  packInstances(): Float64Array {
    const out = new Float64Array(this.billed * 3);
    let k = 0;
    for (let i = 0; i < this.capacity && k < out.length; i++) {
      const s = this.state[i] as number;
      if (s === FREE) continue;
      out[k++] = s;
      out[k++] = this.sinceS[i] as number;
      out[k++] = this.launchedS[i] as number;
    }
    return out;
  }
}
