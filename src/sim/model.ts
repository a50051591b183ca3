// The contract between the engine-side lesson models and everything that drives them
// (the worker host, the in-process client, the headless runner and the tests).
import type { ParamGroup, ParamValue } from './params.ts';

/** Scalar readouts plus bulk arrays; the arrays are transferred, not copied, to the page. */
export interface Snapshot {
  /** Simulated time in seconds. */
  readonly nowS: number;
  /** Events processed since the run started. */
  readonly eventCount: number;
  readonly values: Readonly<Record<string, number>>;
  readonly arrays: Readonly<Record<string, Float64Array>>;
}

export interface RequestCounts {
  readonly arrived: number;
  readonly completed: number;
  readonly rejected: number;
  readonly failed: number;
}

export interface LatencySummaryMs {
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** The summary every lesson returns; lessons add their own sections (`servers`, `rateLimiter`…). */
export interface RunSummary {
  readonly requests: RequestCounts;
  readonly latencyMs: LatencySummaryMs;
  readonly throughputRps: number;
  readonly [section: string]: unknown;
}

/** What a lesson model is built from: resolved parameters, the seed and the statistics window. */
export interface ModelConfig {
  readonly seed: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Statistics ignore everything before this simulated time. */
  readonly warmupS: number;
}

/** A running simulation of one lesson. Time only moves inside `advance`. */
export interface LessonSim {
  readonly nowS: number;
  readonly eventCount: number;
  /**
   * Processes events up to and including simulated time `untilS`, or until `maxEvents`
   * events have run. Returns true when the clock reached `untilS`.
   */
  advance(untilS: number, maxEvents: number): boolean;
  /** Applies a parameter change at the current simulated time. */
  setParam(name: string, value: ParamValue): void;
  /** A small view of the current state plus bulk series; `full` adds the time series. */
  snapshot(full: boolean): Snapshot;
  /** Summary statistics over [warmupS, nowS]. */
  summary(): RunSummary;
}

/** What the page needs to know about a lesson's model without loading the engine. */
export interface LessonSchema {
  readonly id: string;
  readonly title: string;
  readonly paramGroups: readonly ParamGroup[];
}

/** The pure, engine-side definition of a lesson (no React): schema, defaults and factory. */
export interface LessonModelDefinition extends LessonSchema {
  /** Defaults for scenario files that omit them. */
  readonly defaultDurationS: number;
  readonly defaultWarmupS: number;
  /** Builds a fresh simulation at time zero. */
  create(config: ModelConfig): LessonSim;
}
