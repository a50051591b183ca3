// The whole wire contract between the page and the simulation worker: message types both
// ways and the protocol version. Types only; the same messages drive the in-process client.
import type { ParamValue } from '../params.ts';
import type { Snapshot } from '../model.ts';
import type { ParamChange, RunResult, Scenario } from '../scenario.ts';

export const PROTOCOL_VERSION = 1;

/** One lane of a session: a lesson run with its own parameters. Lanes share the clock. */
export interface LaneConfig {
  readonly lesson: string;
  readonly seed: number;
  readonly warmupS: number;
  readonly params: Readonly<Record<string, ParamValue>>;
}

export type MainToWorker =
  | {
      readonly type: 'load';
      readonly protocol: number;
      readonly lanes: readonly LaneConfig[];
      readonly endS: number;
    }
  | { readonly type: 'play'; readonly speed: number }
  | { readonly type: 'pause' }
  | { readonly type: 'step'; readonly dtS: number }
  | { readonly type: 'setSpeed'; readonly speed: number }
  | {
      readonly type: 'setParam';
      readonly lane: number;
      readonly name: string;
      readonly value: ParamValue;
    }
  | { readonly type: 'reset' }
  /** Rebuilds every lane and replays its change log up to simulated time `tS`. */
  | { readonly type: 'seek'; readonly tS: number }
  | { readonly type: 'runToEnd'; readonly id: number; readonly scenario: Scenario };

export interface LaneSnapshot extends Snapshot {
  readonly changes: readonly ParamChange[];
}

export type WorkerToMain =
  | { readonly type: 'ready'; readonly protocol: number }
  | {
      readonly type: 'snapshot';
      readonly lanes: readonly LaneSnapshot[];
      readonly playing: boolean;
      readonly speed: number;
      /** True when the last slices could not keep up with the requested speed. */
      readonly lagging: boolean;
      /** Simulated seconds per wall second actually achieved recently. */
      readonly achievedSpeed: number;
      /** True when this snapshot carries the full time series. */
      readonly full: boolean;
    }
  | { readonly type: 'done'; readonly nowS: number }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly result: RunResult;
      readonly elapsedMs: number;
    }
  | { readonly type: 'error'; readonly message: string; readonly id?: number };

/** Collects the buffers of a snapshot message so they can be transferred, not copied. */
export function transferablesOf(msg: WorkerToMain): ArrayBuffer[] {
  if (msg.type !== 'snapshot') return [];
  const out: ArrayBuffer[] = [];
  for (const lane of msg.lanes) {
    for (const arr of Object.values(lane.arrays)) out.push(arr.buffer as ArrayBuffer);
  }
  return out;
}
