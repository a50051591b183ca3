// Active health checks: every `intervalS` the balancer probes each server. After
// `unhealthyThreshold` failed probes in a row it stops routing to the server; after
// `healthyThreshold` good probes in a row it routes to it again. Probes answer instantly.
import type { Simulation } from '../core/Simulation.ts';
import type { ServerPool } from './ServerPool.ts';

export interface HealthCheckConfig {
  readonly intervalS: number;
  readonly unhealthyThreshold: number;
  readonly healthyThreshold: number;
}

export class HealthChecker {
  private config: HealthCheckConfig;
  private readonly failures: Int32Array;
  private readonly successes: Int32Array;
  /** What the checker last told the balancer: 1 routable, 0 not. */
  private readonly view: Uint8Array;
  private readonly kind: number;
  private gen = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly pool: ServerPool,
    config: HealthCheckConfig & {
      /** Called when the checker's verdict on a server flips. */
      readonly onViewChange: (server: number, routable: boolean) => void;
    },
  ) {
    this.config = config;
    this.onViewChange = config.onViewChange;
    const n = pool.maxServers;
    this.failures = new Int32Array(n);
    this.successes = new Int32Array(n);
    this.view = new Uint8Array(n).fill(1);
    this.kind = sim.register((gen) => this.check(gen));
    this.scheduleNext();
  }

  private readonly onViewChange: (server: number, routable: boolean) => void;

  /** New thresholds apply from the next probe; a new interval restarts the probe clock now. */
  configure(config: HealthCheckConfig): void {
    const intervalChanged = config.intervalS !== this.config.intervalS;
    this.config = config;
    if (intervalChanged) {
      this.gen++;
      this.scheduleNext();
    }
  }

  private scheduleNext(): void {
    this.sim.schedule(this.sim.now + this.config.intervalS, this.kind, this.gen, 0);
  }

  private check(gen: number): void {
    if (gen !== this.gen) return;
    const { unhealthyThreshold, healthyThreshold } = this.config;
    for (let i = 0; i < this.pool.count; i++) {
      if (this.pool.up[i] === 1) {
        this.successes[i] = (this.successes[i] as number) + 1;
        this.failures[i] = 0;
        if (this.view[i] === 0 && (this.successes[i] as number) >= healthyThreshold) {
          this.view[i] = 1;
          this.onViewChange(i, true);
        }
      } else {
        this.failures[i] = (this.failures[i] as number) + 1;
        this.successes[i] = 0;
        if (this.view[i] === 1 && (this.failures[i] as number) >= unhealthyThreshold) {
          this.view[i] = 0;
          this.onViewChange(i, false);
        }
      }
    }
    this.scheduleNext();
  }
}
