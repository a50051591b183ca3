// The discrete-event kernel: one clock, one event queue, and handlers registered by the blocks
// of a model. Time moves only by popping events in (time, insertion order).
import { EventQueue } from './EventQueue.ts';

/** Called with the two integer arguments of an event. */
export type EventHandler = (a: number, b: number) => void;

export class Simulation {
  /** Current simulated time in seconds. */
  now = 0;
  /** Events processed so far. */
  eventCount = 0;
  readonly queue = new EventQueue(4096);
  private readonly handlers: EventHandler[] = [];

  /** Registers a handler and returns the event kind that invokes it. */
  register(handler: EventHandler): number {
    this.handlers.push(handler);
    return this.handlers.length - 1;
  }

  /** Schedules an event at absolute simulated time `timeS` (never earlier than now). */
  schedule(timeS: number, kind: number, a = 0, b = 0): void {
    // A NaN time would silently break the heap order; fail loudly instead.
    if (Number.isNaN(timeS)) throw new Error(`event time is not a number (kind ${kind})`);
    this.queue.push(timeS < this.now ? this.now : timeS, kind, a, b);
  }

  /**
   * A timer holds at most one pending event: `setTimer` replaces it. Meant for a source's next
   * arrival, which a rate change redraws: nothing stale is left behind to skip.
   */
  addTimer(): number {
    return this.queue.addTimer();
  }

  /** Sets `timer` to fire an event of `kind` at `timeS` (never earlier than now). */
  setTimer(timer: number, timeS: number, kind: number, a = 0, b = 0): void {
    if (Number.isNaN(timeS)) throw new Error(`event time is not a number (kind ${kind})`);
    this.queue.arm(timer, timeS < this.now ? this.now : timeS, kind, a, b);
  }

  /**
   * Runs events with time <= `untilS`, at most `maxEvents` of them. Returns true when the clock
   * reached `untilS` (it then stands at `untilS`), false when the event budget ran out first.
   */
  advance(untilS: number, maxEvents: number): boolean {
    const q = this.queue;
    const handlers = this.handlers;
    let n = 0;
    // `!(n >= maxEvents)` rather than `n < maxEvents`: a NaN budget does not limit the run.
    while (!(n >= maxEvents) && q.popUpTo(untilS)) {
      this.now = q.time;
      (handlers[q.kind] as EventHandler)(q.a, q.b);
      n++;
    }
    this.eventCount += n;
    if (n >= maxEvents && q.peekTime() <= untilS) return false;
    if (untilS > this.now && Number.isFinite(untilS)) this.now = untilS;
    return true;
  }
}
