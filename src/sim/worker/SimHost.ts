// The simulation side of the worker protocol: owns the running lanes, paces them against a
// wall clock it is handed, works in bounded slices, and answers with snapshots. Timers and
// clocks are injected, so the same host runs in a Worker, in-process and in tests.
import type { LessonModelDefinition, LessonSim } from '../model.ts';
import type { ParamValue } from '../params.ts';
import type { ParamChange } from '../scenario.ts';
import { runValidated } from '../run.ts';
import { PROTOCOL_VERSION, transferablesOf } from './protocol.ts';
import type { LaneConfig, LaneSnapshot, MainToWorker, WorkerToMain } from './protocol.ts';

/** What the host needs from its surroundings. */
export interface HostEnv {
  post(msg: WorkerToMain, transfer: ArrayBuffer[]): void;
  /** Wall-clock milliseconds (performance.now in a browser). */
  nowMs(): number;
  /** Calls `fn` after about `ms` milliseconds. */
  later(fn: () => void, ms: number): void;
}

/** Wall time one tick may spend simulating before it yields to messages. */
export const SLICE_BUDGET_MS = 10;
/** Events between clock checks inside a slice. */
const EVENTS_PER_CHECK = 5_000;
/** Pause between ticks: at most one snapshot per animation frame. */
export const TICK_MS = 16;
/** Full time series go out at most this often (charts update at 10 Hz or less). */
export const FULL_EVERY_MS = 100;

interface Lane {
  readonly config: LaneConfig;
  readonly def: LessonModelDefinition;
  sim: LessonSim;
  changes: ParamChange[];
}

export class SimHost {
  private lanes: Lane[] = [];
  private endS = Infinity;
  private playing = false;
  private speed = 1;
  private anchorWallMs = 0;
  private anchorSimS = 0;
  private lagging = false;
  private achievedSpeed = 0;
  private lastFullMs = -Infinity;
  private tickScheduled = false;
  private rateWindow = { wallMs: 0, simS: 0 };

  constructor(
    private readonly env: HostEnv,
    private readonly models: ReadonlyMap<string, LessonModelDefinition>,
  ) {}

  /** Announces the protocol version; call once after wiring the message channel. */
  start(): void {
    this.env.post({ type: 'ready', protocol: PROTOCOL_VERSION }, []);
  }

  handle(msg: MainToWorker): void {
    try {
      this.dispatch(msg);
    } catch (err) {
      // A failed grading run leaves the live run alone; any other failure stops it, so the
      // page's "the simulation stopped" is true and no snapshot contradicts it.
      if (msg.type === 'runToEnd') this.fail(err, msg.id);
      else this.fail(err);
    }
  }

  /** Reports an error as a message; without a grading id it also stops the live run. */
  private fail(err: unknown, id?: number): void {
    if (id === undefined) this.playing = false;
    const message = err instanceof Error ? err.message : String(err);
    this.env.post({ type: 'error', message, ...(id === undefined ? {} : { id }) }, []);
  }

  private dispatch(msg: MainToWorker): void {
    switch (msg.type) {
      case 'load':
        if (msg.protocol !== PROTOCOL_VERSION) {
          throw new Error(
            `protocol ${msg.protocol} not supported (worker speaks ${PROTOCOL_VERSION})`,
          );
        }
        this.playing = false;
        this.endS = msg.endS;
        this.lanes = msg.lanes.map((config) => this.buildLane(config, []));
        this.postSnapshot(true);
        return;
      case 'play':
        this.speed = msg.speed;
        this.playing = true;
        this.reanchor();
        this.scheduleTick();
        return;
      case 'pause':
        this.playing = false;
        this.postSnapshot(true);
        return;
      case 'setSpeed':
        this.speed = msg.speed;
        this.reanchor();
        return;
      case 'step':
        this.playing = false;
        this.advanceAll(Math.min(this.now() + msg.dtS, this.endS), Infinity);
        this.postSnapshot(true);
        return;
      case 'setParam':
        this.setParam(msg.lane, msg.name, msg.value);
        return;
      case 'reset':
        this.playing = false;
        this.lanes = this.lanes.map((lane) =>
          this.buildLane({ ...lane.config, params: currentParams(lane) }, []),
        );
        this.postSnapshot(true);
        return;
      case 'seek':
        this.seek(msg.tS);
        return;
      case 'runToEnd': {
        // The same validator as the headless runner: defaults filled, every value checked.
        const t0 = this.env.nowMs();
        const result = runValidated(msg.scenario, this.models);
        this.env.post({ type: 'result', id: msg.id, result, elapsedMs: this.env.nowMs() - t0 }, []);
        return;
      }
    }
  }

  private model(id: string): LessonModelDefinition {
    const def = this.models.get(id);
    if (!def) throw new Error(`unknown lesson ${id}`);
    return def;
  }

  private buildLane(config: LaneConfig, changes: ParamChange[]): Lane {
    const def = this.model(config.lesson);
    const sim = def.create({ seed: config.seed, params: config.params, warmupS: config.warmupS });
    return { config, def, sim, changes };
  }

  private now(): number {
    return this.lanes[0]?.sim.nowS ?? 0;
  }

  private reanchor(): void {
    this.anchorWallMs = this.env.nowMs();
    this.anchorSimS = this.now();
    this.rateWindow = { wallMs: this.anchorWallMs, simS: this.anchorSimS };
    this.lagging = false;
  }

  private setParam(laneIndex: number, name: string, value: ParamValue): void {
    const lane = this.lanes[laneIndex];
    if (!lane) throw new Error(`no lane ${laneIndex}`);
    lane.sim.setParam(name, value);
    lane.changes.push({ tS: lane.sim.nowS, name, value });
    if (!this.playing) this.postSnapshot(true);
  }

  /** Rebuilds every lane and replays its change log up to `tS`. */
  private seek(tS: number): void {
    this.playing = false;
    const target = Math.max(0, Math.min(tS, this.endS));
    this.lanes = this.lanes.map((lane) => {
      const kept = lane.changes.filter((c) => c.tS <= target);
      const rebuilt = this.buildLane(lane.config, kept);
      for (const change of kept) {
        while (!rebuilt.sim.advance(change.tS, 1_000_000)) {
          /* slices bound the work per call only */
        }
        rebuilt.sim.setParam(change.name, change.value);
      }
      return rebuilt;
    });
    this.advanceAll(target, Infinity);
    this.postSnapshot(true);
  }

  /**
   * Moves every lane to `untilS`, taking turns in small slices so that lanes stay together;
   * returns false if the wall-time budget ran out first.
   */
  private advanceAll(untilS: number, budgetMs: number): boolean {
    const deadline = this.env.nowMs() + budgetMs;
    let pending = this.lanes.length;
    const done = new Array<boolean>(this.lanes.length).fill(false);
    while (pending > 0) {
      this.lanes.forEach((lane, k) => {
        if (!done[k] && lane.sim.advance(untilS, EVENTS_PER_CHECK)) {
          done[k] = true;
          pending--;
        }
      });
      if (pending > 0 && this.env.nowMs() > deadline) return false;
    }
    return true;
  }

  private scheduleTick(): void {
    if (this.tickScheduled) return;
    this.tickScheduled = true;
    this.env.later(() => {
      this.tickScheduled = false;
      // Nothing may escape from a timer: in-process it would be an uncaught page error.
      try {
        this.tick();
      } catch (err) {
        this.fail(err);
      }
    }, TICK_MS);
  }

  private tick(): void {
    if (!this.playing) return;
    const wall = this.env.nowMs();
    const target = Math.min(
      this.anchorSimS + ((wall - this.anchorWallMs) / 1000) * this.speed,
      this.endS,
    );
    const reached = this.advanceAll(target, SLICE_BUDGET_MS);
    if (!reached) {
      // Cannot keep up: say so, and restart the pacing from where we are instead of piling up debt.
      this.lagging = true;
      this.anchorWallMs = this.env.nowMs();
      this.anchorSimS = this.now();
    }
    const elapsed = wall - this.rateWindow.wallMs;
    if (elapsed >= 1000) {
      this.achievedSpeed = (this.now() - this.rateWindow.simS) / (elapsed / 1000);
      if (reached && this.achievedSpeed >= this.speed * 0.9) this.lagging = false;
      this.rateWindow = { wallMs: wall, simS: this.now() };
    }
    if (this.now() >= this.endS) {
      this.playing = false;
      this.postSnapshot(true);
      this.env.post({ type: 'done', nowS: this.now() }, []);
      return;
    }
    this.postSnapshot(wall - this.lastFullMs >= FULL_EVERY_MS);
    this.scheduleTick();
  }

  private postSnapshot(full: boolean): void {
    if (full) this.lastFullMs = this.env.nowMs();
    const lanes: LaneSnapshot[] = this.lanes.map((lane) => ({
      ...lane.sim.snapshot(full),
      changes: lane.changes.slice(-20),
    }));
    const msg: WorkerToMain = {
      type: 'snapshot',
      lanes,
      playing: this.playing,
      speed: this.speed,
      lagging: this.lagging,
      achievedSpeed: this.playing ? this.achievedSpeed : 0,
      full,
    };
    this.env.post(msg, transferablesOf(msg));
  }
}

function currentParams(lane: Lane): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = { ...lane.config.params };
  for (const c of lane.changes) params[c.name] = c.value;
  return params;
}
