// Leaky-bucket rate limiter in its queue form: accepted requests wait in a bounded FIFO and
// leave at a steady `drainRate`, so the output is smooth whatever the input arrives like.
import { TimeRing } from '../../core/TimeRing.ts';
import {
  requireCount,
  requirePositive,
  type LimiterConfig,
  type LimiterDecision,
  type RateLimiter,
} from './types.ts';

/**
 * A request arriving at t leaves at max(t, lastLeave + 1 / drainRate). It is rejected if
 * `queueSize` accepted requests are still waiting at t (leave time > t); a request whose leave
 * time is t itself has left. No events are scheduled: a ring holds the leave times of the
 * waiting requests. Consecutive departures are at least 1 / drainRate apart, so any interval of
 * length L sees at most floor(L · drainRate) + 1 of them; an accepted request waits
 * `delayS` = leave − t <= queueSize / drainRate. `remaining` is the free queue places after the
 * decision; `resetInS` (and `retryAfterS` when rejected) the time until the head of the queue
 * leaves, 0 when nothing waits.
 */
export class LeakyBucket implements RateLimiter {
  readonly algorithm = 'leaky-bucket';
  private readonly queueSize: number;
  private readonly intervalS: number;
  /** Leave times of requests still waiting, oldest first (non-decreasing). */
  private readonly waiting: TimeRing;
  private lastLeaveS = -Infinity;

  constructor(config: Pick<LimiterConfig, 'queueSize' | 'drainRate'>) {
    requireCount('queueSize', config.queueSize);
    requirePositive('drainRate', config.drainRate);
    this.queueSize = config.queueSize;
    this.intervalS = 1 / config.drainRate;
    this.waiting = new TimeRing(config.queueSize);
  }

  decide(nowS: number, out: LimiterDecision): void {
    const waiting = this.waiting;
    waiting.dropUpTo(nowS);
    if (waiting.length < this.queueSize) {
      const leaveS = Math.max(nowS, this.lastLeaveS + this.intervalS);
      this.lastLeaveS = leaveS;
      if (leaveS > nowS) waiting.push(leaveS);
      out.allowed = true;
      out.delayS = leaveS - nowS;
      out.retryAfterS = 0;
    } else {
      out.allowed = false;
      out.delayS = 0;
      out.retryAfterS = waiting.first() - nowS;
    }
    out.remaining = this.queueSize - waiting.length;
    out.resetInS = waiting.length > 0 ? waiting.first() - nowS : 0;
  }

  /** Time the most recently accepted request leaves (-Infinity before any); for the timeline. */
  get lastLeave(): number {
    return this.lastLeaveS;
  }

  /** Leave times of the waiting requests plus the last leave time. */
  memoryWords(): number {
    return this.waiting.length + 1;
  }

  /** Requests still waiting at `nowS` (queue length). */
  level(nowS: number): number {
    return this.waiting.countAbove(nowS);
  }
}
