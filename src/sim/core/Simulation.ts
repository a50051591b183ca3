// The discrete-event kernel: one clock, one event queue, and handlers registered by the blocks
// of a model. Time moves only by popping events in (time, insertion order).
import { EventQueue } from './EventQueue.ts';

/** Called with the two integer arguments of an event. */
export type EventHandler = (a: number, b: number) => void;

/**
 * An object that handles events of the kinds it registered. Hot handlers should be targets:
 * the event loop calls `onEvent` on a few classes, a call V8 can inline, where a table of
 * closures makes every event a generic call.
 */
export interface EventTarget {
  onEvent(kind: number, a: number, b: number): void;
}

/** A closure registered as a handler. */
class ClosureTarget implements EventTarget {
  constructor(private readonly handler: EventHandler) {}

  onEvent(_kind: number, a: number, b: number): void {
    this.handler(a, b);
  }
}

export class Simulation {
  /** Current simulated time in seconds. */
  now = 0;
  /** Events processed so far. */
  eventCount = 0;
  readonly queue = new EventQueue(4096);
  private readonly targets: EventTarget[] = [];

  /** Registers a handler and returns the event kind that invokes it. */
  register(handler: EventHandler): number {
    return this.registerTarget(new ClosureTarget(handler));
  }

  /** Registers an event target and returns the event kind whose events go to it. */
  registerTarget(target: EventTarget): number {
    this.targets.push(target);
    return this.targets.length - 1;
  }

  /** Schedules an event at absolute simulated time `timeS` (never earlier than now). */
  schedule(timeS: number, kind: number, a = 0, b = 0): void {
    // One comparison on the hot path: false for a NaN time and for a time in the past.
    if (timeS >= this.now) this.queue.push(timeS, kind, a, b);
    else this.queue.push(this.checkedPast(timeS, kind), kind, a, b);
  }

  /** A time before now becomes now; a NaN time would silently break the heap order. */
  private checkedPast(timeS: number, kind: number): number {
    if (Number.isNaN(timeS)) {
      throw new Error(`event time is not a number (${kind < 0 ? 'a timer' : `kind ${kind}`})`);
    }
    return this.now;
  }

  /**
   * A timer holds at most one pending event: `setTimer` replaces it. Meant for a source's next
   * arrival, which a rate change redraws: nothing stale is left behind to skip.
   */
  addTimer(kind: number, a = 0, b = 0): number {
    return this.queue.addTimer(kind, a, b);
  }

  /** Sets `timer` to fire at `timeS` (never earlier than now; Infinity: never). */
  setTimer(timer: number, timeS: number): void {
    if (timeS >= this.now) this.queue.arm(timer, timeS);
    else this.queue.arm(timer, this.checkedPast(timeS, -1));
  }

  /**
   * Runs events with time <= `untilS`, at most `maxEvents` of them. Returns true when the clock
   * reached `untilS` (it then stands at `untilS`), false when the event budget ran out first.
   */
  advance(untilS: number, maxEvents: number): boolean {
    const q = this.queue;
    const targets = this.targets;
    let n = 0;
    // `!(n >= maxEvents)` rather than `n < maxEvents`: a NaN budget does not limit the run.
    while (!(n >= maxEvents) && q.popUpTo(untilS)) {
      this.now = q.time;
      const kind = q.kind;
      (targets[kind] as EventTarget).onEvent(kind, q.a, q.b);
      n++;
    }
    this.eventCount += n;
    if (n >= maxEvents && q.peekTime() <= untilS) return false;
    if (untilS > this.now && Number.isFinite(untilS)) this.now = untilS;
    return true;
  }
}
