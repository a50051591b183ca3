// The most requests each limiter can accept in any window of length windowS: the figure the
// lesson shows beside the measured `maxAcceptedInWindow`. With local counters on N gateways
// each gateway grants its own allowance, so the bound is N times larger.
import type { ParamValue } from '../../../sim/params.ts';

export interface WindowBound {
  readonly bound: number | null;
  /** How the bound comes about, in a sentence. */
  readonly why: string;
}

export function maxInWindowBound(params: Readonly<Record<string, ParamValue>>): WindowBound {
  const limit = Number(params.limit);
  const w = Number(params.windowS);
  const local = params.centralStore !== true;
  const n = local ? Number(params.gateways) : 1;
  const times = n > 1 ? ` on each of ${n} gateways counting alone` : '';
  if (!local && Number(params.outageDurationS) > 0 && params.failMode === 'open') {
    return {
      bound: null,
      why: 'while the store is down and gateways fail open, nothing limits the user',
    };
  }
  switch (params.algorithm) {
    case 'fixed-window':
      return {
        bound: n * 2 * limit,
        why: `a full limit at the end of one window and another at the start of the next${times}`,
      };
    case 'sliding-log':
      return {
        bound: n * limit,
        why: `the log counts every accepted request of the last window exactly${times}`,
      };
    case 'sliding-counter':
      return {
        bound: n * (2 * limit - 1),
        why: `the weighted estimate trusts that the last window was evenly spread; bunched traffic fools it${times}`,
      };
    case 'token-bucket': {
      const b = Math.floor(Number(params.bucketCapacity) + Number(params.refillRate) * w);
      return {
        bound: n * b,
        why: `a full bucket plus everything refilled during one window${times}`,
      };
    }
    case 'leaky-bucket': {
      const b = Number(params.queueSize) + Math.floor(Number(params.drainRate) * w) + 1;
      return {
        bound: n * b,
        why: `a full queue plus everything drained during one window${times}`,
      };
    }
    default:
      return { bound: null, why: 'unknown algorithm' };
  }
}
