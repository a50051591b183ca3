// Presets for the rate-limiting lesson: each sets every parameter (defaults underneath), so
// nothing lingers from the previous preset, and shows one idea from the lesson.
import { presetMaker, type LessonPreset } from '../../../sim/presets.ts';
import { paramGroups } from './params.ts';

const preset = presetMaker(paramGroups);

/** The boundary attack on a short window, so the first attack comes after 10 s. */
const attack = { trafficPattern: 'boundary-attack', limit: 100, windowS: 10 } as const;

/** Eight gateways and one user sending 20 requests a second (1,200 a minute). */
const eightGateways = {
  trafficPattern: 'steady',
  rate: 20,
  algorithm: 'sliding-log',
  gateways: 8,
} as const;

/** A shared store that is unreachable from 60 s to 120 s. */
const outage = {
  trafficPattern: 'steady',
  rate: 5,
  algorithm: 'sliding-log',
  gateways: 8,
  centralStore: true,
  outageAtS: 60,
  outageDurationS: 60,
} as const;

export const presets: readonly LessonPreset[] = [
  preset(
    'steady-100',
    '100 per minute, steady',
    'The seed’s limit of 100 requests a minute under a fixed window, with a user sending about 120 a minute at random moments: the last fifth of each minute is refused.',
    { trafficPattern: 'steady', rate: 2, algorithm: 'fixed-window' },
  ),
  preset(
    'boundary-fixed',
    'Boundary attack on a fixed window',
    '100 requests just before a window edge and 100 just after, with a limit of 100 per 10 s: the fixed window accepts all 200 within one window length.',
    { ...attack, algorithm: 'fixed-window' },
  ),
  preset(
    'boundary-sliding-log',
    'Same attack, sliding log',
    'The same timed bursts against a sliding log: it counts the last 10 s exactly, so the second burst is refused and at most 100 get through.',
    { ...attack, algorithm: 'sliding-log' },
  ),
  preset(
    'token-bursts',
    'Token bucket with bursts',
    'Random bursts over a quiet background into a token bucket of 50 that refills at 1.67 a second: a burst empties the bucket, then the level climbs back in a straight line.',
    {
      trafficPattern: 'random-bursts',
      rate: 1.5,
      algorithm: 'token-bucket',
      bucketCapacity: 50,
      refillRate: 1.67,
    },
  ),
  preset(
    'leaky-smoothing',
    'Leaky bucket smoothing',
    'Bursts of about 45 requests in 6 s into a queue of 50 drained at 1.67 a second: nothing is refused, but requests leave evenly spaced and wait up to half a minute.',
    {
      trafficPattern: 'bursty',
      rate: 1.5,
      algorithm: 'leaky-bucket',
      queueSize: 50,
      drainRate: 1.67,
    },
  ),
  preset(
    'local-8',
    '8 gateways counting locally',
    'The seed’s 8 API servers, each with its own sliding log of 100 a minute, and a user sending 1,200 a minute: about 800 a minute get through.',
    { ...eightGateways, centralStore: false },
  ),
  preset(
    'central-store',
    'Central store',
    'The same 8 gateways asking one shared counter store (1 ms away): the user gets 100 a minute, whichever gateway answers.',
    { ...eightGateways, centralStore: true, storeLatencyMs: 1 },
  ),
  preset(
    'outage-open',
    'Store outage, fail open',
    'The shared store is unreachable from 60 s to 120 s and the gateways let everything through meanwhile: every request in that minute is accepted, uncounted.',
    { ...outage, failMode: 'open' },
  ),
  preset(
    'outage-closed',
    'Store outage, fail closed',
    'The same outage, but the gateways refuse every request while the store is down: the limit holds, and so does a minute of 429s for a well-behaved user.',
    { ...outage, failMode: 'closed' },
  ),
];
