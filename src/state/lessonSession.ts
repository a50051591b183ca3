// One lesson's live session: UI state in a zustand store (parameters, seed, playback, compare
// mode, notices), the SimClient that runs the simulation, and the URL kept in step. Values that
// change every frame do not go through the store: the canvas subscribes to frames directly.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LessonSchema } from '../sim/model.ts';
import type { ParamValue } from '../sim/params.ts';
import type { RunResult, Scenario } from '../sim/scenario.ts';
import { PROTOCOL_VERSION } from '../sim/worker/protocol.ts';
import type { LaneSnapshot, WorkerToMain } from '../sim/worker/protocol.ts';
import { buildLessonQuery, RESERVED_QUERY_KEYS } from '../url/lessonUrl.ts';
import type { ParsedLessonQuery } from '../url/lessonUrl.ts';
import { createSimClient, InProcessSimClient, type SimClient } from './simClient.ts';
import { UpdateThrottle } from './updateThrottle.ts';

/** Statistics in the live view ignore the first seconds of a run. */
export const LIVE_WARMUP_S = 10;

export interface NoticeItem {
  readonly id: string;
  readonly text: string;
}

export interface SessionState {
  readonly seed: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly compare: boolean;
  /**
   * When set, the run has one lane per variant: lane k is lane A's parameters with variant k
   * on top (for example one lane per algorithm on the same traffic). Compare mode is off then.
   */
  readonly variants: readonly Readonly<Record<string, ParamValue>>[] | null;
  readonly paramsB: Readonly<Record<string, ParamValue>>;
  readonly playing: boolean;
  readonly speed: number;
  /** Latest full snapshot per lane (updated at most 10 times a second). */
  readonly lanes: readonly LaneSnapshot[];
  readonly simTimeS: number;
  readonly lagging: boolean;
  readonly achievedSpeed: number;
  readonly mode: 'worker' | 'in-process';
  /** Set when the simulation stopped with an error; the page offers a restart. */
  readonly error: string | null;
  readonly notices: readonly NoticeItem[];
}

export type FrameListener = (msg: Extract<WorkerToMain, { type: 'snapshot' }>) => void;

export interface SessionOptions {
  readonly model: LessonSchema;
  readonly initial: ParsedLessonQuery;
  /** Start playing at once (not under reduced motion or in tests that step by hand). */
  readonly autoplay: boolean;
  /** Keep the page URL in step with the state. */
  readonly syncUrl: boolean;
  /** Playback speed to start with (simulated seconds per wall second); 1 when not given. */
  readonly speed?: number | undefined;
}

/** Owns the client and the store for one lesson page. */
export class LessonSession {
  readonly store: StoreApi<SessionState>;
  readonly model: LessonSchema;
  private client: SimClient;
  private readonly frameListeners = new Set<FrameListener>();
  private ready = false;
  /** Full snapshots reach the store (and so React) through this: never faster than drawn. */
  private readonly fullUpdates = new UpdateThrottle<Extract<WorkerToMain, { type: 'snapshot' }>>(
    (msg) =>
      // `playing` is not taken from snapshots: one sent before a pause reached the worker would
      // undo the pause. The session decides; the worker's own stops arrive as 'done' or 'error'.
      this.store.setState({
        lanes: msg.lanes,
        simTimeS: msg.lanes[0]?.nowS ?? 0,
        lagging: msg.lagging,
        achievedSpeed: msg.achievedSpeed,
      }),
  );
  private noticeId = 0;
  /** Lane 0's clock in the newest snapshot of any kind (the store only sees full ones). */
  private latestNowS = 0;
  private readonly syncUrl: boolean;

  constructor(options: SessionOptions) {
    this.model = options.model;
    this.syncUrl = options.syncUrl;
    const { initial } = options;
    this.store = createStore<SessionState>(() => ({
      seed: initial.seed,
      params: initial.params,
      compare: initial.compare,
      variants: null,
      paramsB: initial.paramsB,
      playing: false,
      speed: options.speed ?? 1,
      lanes: [],
      simTimeS: 0,
      lagging: false,
      achievedSpeed: 0,
      mode: 'worker',
      error: null,
      notices: initial.notices.map((text) => ({ id: `n${this.noticeId++}`, text })),
    }));
    this.client = this.connect(createSimClient((m) => this.onFatal(m)));
    this.load();
    if (options.autoplay) this.play();
  }

  private connect(client: SimClient): SimClient {
    client.subscribe((msg) => this.onMessage(msg));
    this.store.setState({ mode: client.mode });
    return client;
  }

  private onFatal(message: string): void {
    if (!this.ready) {
      // The worker never started (a sandboxed frame, say): run in-process instead.
      this.client.dispose();
      this.client = this.connect(new InProcessSimClient());
      const wasPlaying = this.store.getState().playing;
      this.load();
      if (wasPlaying) this.play();
      return;
    }
    this.store.setState({ error: message, playing: false });
  }

  private onMessage(msg: WorkerToMain): void {
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        return;
      case 'snapshot':
        this.ready = true;
        this.latestNowS = msg.lanes[0]?.nowS ?? 0;
        for (const listener of this.frameListeners) listener(msg);
        if (msg.full) this.fullUpdates.push(msg);
        return;
      case 'done':
        this.store.setState({ playing: false });
        return;
      case 'error':
        this.store.setState({ error: msg.message, playing: false });
        return;
      case 'result':
        return;
    }
  }

  /** Receives every snapshot (up to one per animation frame), for the canvas. */
  subscribeFrames(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  private laneParams(): Readonly<Record<string, ParamValue>>[] {
    const s = this.store.getState();
    if (s.variants) return s.variants.map((v) => ({ ...s.params, ...v }));
    return s.compare ? [s.params, s.paramsB] : [s.params];
  }

  /** Starts a fresh run (time zero) with the current parameters and seed. */
  private load(): void {
    const { seed } = this.store.getState();
    this.client.send({
      type: 'load',
      protocol: PROTOCOL_VERSION,
      endS: Infinity,
      lanes: this.laneParams().map((params) => ({
        lesson: this.model.id,
        seed,
        warmupS: LIVE_WARMUP_S,
        params,
      })),
    });
    this.writeUrl();
  }

  play(): void {
    this.client.send({ type: 'play', speed: this.store.getState().speed });
    this.store.setState({ playing: true });
  }

  pause(): void {
    this.client.send({ type: 'pause' });
    this.store.setState({ playing: false });
  }

  /** Advances a paused run by `dtS` simulated seconds. */
  step(dtS = 0.1): void {
    this.client.send({ type: 'step', dtS });
    this.store.setState({ playing: false });
  }

  setSpeed(speed: number): void {
    this.store.setState({ speed });
    if (this.store.getState().playing) this.client.send({ type: 'setSpeed', speed });
  }

  /**
   * Moves the run to simulated time `tS`, then goes on playing if it was. Forward, the run
   * continues exactly as it would have (the worker replays its change log). Backward, the past
   * is re-run with the current parameters, which the parameter panel shows.
   */
  seek(tS: number): void {
    if (!Number.isFinite(tS)) return;
    const target = Math.max(0, tS);
    const wasPlaying = this.store.getState().playing;
    if (target < this.latestNowS) this.client.send({ type: 'reset' });
    this.client.send({ type: 'seek', tS: target });
    this.latestNowS = target;
    if (wasPlaying) this.play();
    else this.store.setState({ playing: false });
  }

  /** Restarts from time zero with the current parameters. */
  reset(): void {
    this.pause();
    this.load();
  }

  /** Changes a parameter of lane 0 (A) or 1 (B) while the run goes on. */
  setParam(lane: 0 | 1, name: string, value: ParamValue): void {
    const s = this.store.getState();
    if (lane === 0) this.store.setState({ params: { ...s.params, [name]: value } });
    else this.store.setState({ paramsB: { ...s.paramsB, [name]: value } });
    if (s.variants) {
      // A change to lane A reaches every lane, except where a lane's variant fixes it.
      if (lane === 0) {
        s.variants.forEach((v, k) => {
          if (!(name in v)) this.client.send({ type: 'setParam', lane: k, name, value });
        });
      }
    } else if (lane === 0 || s.compare) {
      this.client.send({ type: 'setParam', lane, name, value });
    }
    this.writeUrl();
  }

  /** Applies several parameters at once (a preset or an assignment's setup). */
  applyParams(values: Readonly<Record<string, ParamValue>>, lane: 0 | 1 = 0): void {
    for (const [name, value] of Object.entries(values)) this.setParam(lane, name, value);
  }

  setSeed(seed: number): void {
    const wasPlaying = this.store.getState().playing;
    this.store.setState({ seed });
    this.load();
    if (wasPlaying) this.play();
  }

  /** Runs one lane per variant on the same seed and traffic (null: back to one lane). */
  setVariants(variants: readonly Readonly<Record<string, ParamValue>>[] | null): void {
    const wasPlaying = this.store.getState().playing;
    this.store.setState({ variants, compare: false });
    this.load();
    if (wasPlaying) this.play();
  }

  setCompare(compare: boolean): void {
    const s = this.store.getState();
    const wasPlaying = s.playing;
    // Turning compare on starts lane B as a copy of what the learner sees now.
    this.store.setState({ compare, paramsB: s.params, variants: null });
    this.load();
    if (wasPlaying) this.play();
  }

  dismissNotice(id: string): void {
    this.store.setState({ notices: this.store.getState().notices.filter((n) => n.id !== id) });
  }

  /** Replaces a crashed worker with a fresh one and restarts the run. */
  restart(): void {
    this.client.dispose();
    this.fullUpdates.clear();
    this.ready = false;
    this.client = this.connect(createSimClient((m) => this.onFatal(m)));
    this.store.setState({ error: null });
    this.load();
  }

  /** Runs a scenario to its end off the main thread (assignment grading). */
  async runToEnd(scenario: Scenario): Promise<RunResult> {
    return (await this.client.runToEnd(scenario)).result;
  }

  private writeUrl(): void {
    if (!this.syncUrl || typeof window === 'undefined') return;
    const s = this.store.getState();
    const query = buildLessonQuery(
      { seed: s.seed, params: { ...s.params }, compare: s.compare, paramsB: { ...s.paramsB } },
      this.model.paramGroups,
    );
    const current = new URLSearchParams(window.location.search);
    const kept = new URLSearchParams(query);
    for (const key of RESERVED_QUERY_KEYS) {
      for (const v of current.getAll(key)) kept.append(key, v);
    }
    const next = `${window.location.pathname}?${kept.toString()}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', next);
  }

  dispose(): void {
    this.fullUpdates.dispose();
    this.frameListeners.clear();
    this.client.dispose();
  }
}
