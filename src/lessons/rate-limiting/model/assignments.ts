// The rate-limiting lesson's assignments, built on the seed exercise: 100 requests per minute
// per user, on an API served by 8 gateways. Challenge and prediction checks are pure reads of
// a run's summary (`summary.rateLimiter`).
import type { Assignment, Verdict } from '../../../sim/assignments.ts';
import { defaultValues } from '../../../sim/params.ts';
import type { ParamValue } from '../../../sim/params.ts';
import type { RunResult } from '../../../sim/scenario.ts';
import { paramGroups } from './params.ts';

type Params = Readonly<Record<string, ParamValue>>;

/** The figures of `summary.rateLimiter` the checks read. */
export interface LimiterFigures {
  readonly algorithm: string;
  readonly limit: number;
  readonly windowS: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly maxAcceptedInWindow: number;
  readonly maxQueueDelayMs: number;
  readonly gateways: number;
  readonly centralStore: boolean;
  readonly acceptedDuringOutage: number;
  readonly rejectedDuringOutage: number;
}

/** The limiter figures of a run, or null when the summary has none. */
export function limiterOf(result: RunResult): LimiterFigures | null {
  const r = result.summary.rateLimiter;
  return typeof r === 'object' && r !== null ? (r as LimiterFigures) : null;
}

const count = (x: number): string => Math.round(x).toLocaleString('en-US');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

const ALGORITHM_NAMES: Readonly<Record<string, string>> = {
  'fixed-window': 'the fixed window',
  'sliding-log': 'the sliding log',
  'sliding-counter': 'the sliding window counter',
  'token-bucket': 'the token bucket',
  'leaky-bucket': 'the leaky bucket',
};
const named = (algorithm: string): string => ALGORITHM_NAMES[algorithm] ?? algorithm;

/** The seed's API: one user, limit 100 per minute, one gateway unless a task says otherwise. */
const seedApi: Params = {
  limit: 100,
  windowS: 60,
  gateways: 1,
  centralStore: false,
  outageDurationS: 0,
};

// ---------------------------------------------------------------------------------------------
// (a) Bursts allowed, but a hard ceiling per minute.

/** The backend takes at most this many requests in any one minute. */
export const BURST_CEILING = 110;
/** The bursty client must get at least this many through in the 10-minute run. */
export const BURST_MIN_ACCEPTED = 900;

/** A mobile app that syncs in bursts: 6 s at 10 requests a second, every 30 s (120 a minute). */
const burstyClient: Params = {
  trafficPattern: 'bursty',
  rate: 2,
  windowS: 60,
  gateways: 1,
  centralStore: false,
  outageDurationS: 0,
};

function checkBurstPolicy(result: RunResult): Verdict {
  const r = limiterOf(result);
  if (!r) return { pass: false, feedback: 'The run reported no limiter figures.' };
  const delay =
    r.maxQueueDelayMs > 0 ? `, the longest queue wait ${seconds(r.maxQueueDelayMs)}` : '';
  const figures =
    `With ${named(r.algorithm)}: ${count(r.accepted)} accepted and ${count(r.rejected)} refused ` +
    `in 10 minutes; at most ${count(r.maxAcceptedInWindow)} accepted in any one minute${delay}.`;
  const tooMany = r.maxAcceptedInWindow > BURST_CEILING;
  const tooFew = r.accepted < BURST_MIN_ACCEPTED;
  if (!tooMany && !tooFew) {
    return {
      pass: true,
      feedback:
        `${figures} Every one-minute stretch stayed within ${BURST_CEILING}, and the app still ` +
        'got a 60-request burst through each time it had the allowance for it: the limit follows ' +
        'the last minute itself, not the clock.',
    };
  }
  const why: string[] = [];
  if (tooMany) {
    why.push(
      `${count(r.maxAcceptedInWindow)} in one minute is over the ceiling of ${BURST_CEILING}` +
        (r.algorithm === 'fixed-window'
          ? ': a burst that straddles a window edge is counted in two windows.'
          : r.algorithm === 'token-bucket'
            ? ': a full bucket plus a minute of refill can all be spent within one minute.'
            : '.'),
    );
  }
  if (tooFew) {
    why.push(
      `${count(r.accepted)} accepted is below ${count(BURST_MIN_ACCEPTED)}` +
        (r.algorithm === 'leaky-bucket'
          ? ': a short queue overflows during each burst.'
          : r.algorithm === 'token-bucket'
            ? ': a small bucket refuses most of every burst.'
            : ': the limit refuses more of the bursts than it needs to.'),
    );
  }
  return { pass: false, feedback: `${figures} ${why.join(' ')}` };
}

// ---------------------------------------------------------------------------------------------
// (b) Request 101.

/** About 75 requests from 0 s and 75 more from 30 s, under a fixed window of 100 a minute. */
const request101: Params = {
  ...defaultValues(paramGroups),
  ...seedApi,
  trafficPattern: 'bursty',
  rate: 2.5,
  algorithm: 'fixed-window',
};

function request101Outcome(result: RunResult): { optionId: string; evidence: string } {
  const r = limiterOf(result);
  if (!r) return { optionId: 'none', evidence: 'The run reported no limiter figures.' };
  const arrived = r.accepted + r.rejected;
  const evidence =
    `In the first minute the user sent ${count(arrived)} requests: ${count(r.accepted)} were ` +
    `accepted and ${count(r.rejected)} refused, the first refusal being request 101. Its ` +
    'response is a 429 whose Retry-After and X-RateLimit-Reset count the seconds to the next ' +
    'minute, with X-RateLimit-Remaining 0.';
  let optionId: string;
  if (r.rejected > 0 && r.accepted === r.limit && r.maxQueueDelayMs === 0) optionId = '429';
  else if (r.maxQueueDelayMs > 0) optionId = 'queued';
  else optionId = 'accepted';
  return { optionId, evidence };
}

// ---------------------------------------------------------------------------------------------
// (c) Counting locally on 8 gateways: 8 allowances.

const EIGHT_LOCAL_ANSWER = 800;

// ---------------------------------------------------------------------------------------------
// (d) Make a fixed window accept nearly twice its limit.

/** The share of the limit that must get through within one window length. */
export const BOUNDARY_FACTOR = 1.9;

function checkBoundary(result: RunResult): Verdict {
  const r = limiterOf(result);
  if (!r) return { pass: false, feedback: 'The run reported no limiter figures.' };
  const ratio = r.maxAcceptedInWindow / r.limit;
  const figures =
    `At most ${count(r.maxAcceptedInWindow)} requests were accepted within one window of ` +
    `${r.windowS} s, ${ratio.toFixed(2)} times the limit of ${count(r.limit)}.`;
  if (ratio >= BOUNDARY_FACTOR) {
    return {
      pass: true,
      feedback:
        `${figures} A full limit just before the window edge was counted in the old window and ` +
        'a full limit just after it in the new one, though both fit inside one window length.',
    };
  }
  return {
    pass: false,
    feedback:
      `${figures} It must reach ${BOUNDARY_FACTOR} times the limit. Spread-out traffic only ` +
      'fills each window once; the requests have to crowd both sides of the moment the counter ' +
      'is cleared.',
  };
}

// ---------------------------------------------------------------------------------------------

export const assignments: readonly Assignment[] = [
  {
    kind: 'challenge',
    id: 'rl-burst-policy',
    title: 'Allow bursts, cap every minute',
    prompt:
      'A mobile app syncs in bursts: for 6 s every half minute it sends 10 requests a second, 120 a minute on average, against your limit of 100 a minute. The backend behind the API can take no more than ' +
      `${BURST_CEILING} requests in any one minute, whichever minute you pick.\n\n` +
      `Choose the limiter and its settings so that no minute sees more than ${BURST_CEILING} accepted requests, while the app still gets at least ${count(BURST_MIN_ACCEPTED)} requests through in 10 minutes. Watch the readout of the most accepted in one window.`,
    fixed: burstyClient,
    focus: ['algorithm', 'limit', 'bucketCapacity', 'refillRate', 'queueSize', 'drainRate'],
    setup: { ...burstyClient, limit: 100, algorithm: 'fixed-window' },
    durationS: 600,
    warmupS: 0,
    check: checkBurstPolicy,
  },
  {
    kind: 'prediction',
    id: 'rl-request-101',
    title: 'What does request 101 receive?',
    prompt:
      'The limit is 100 requests per minute, counted by a fixed window that starts every whole minute. A user sends about 75 requests in the first 6 s of the minute and another 75 from the 30th second on.\n\n' +
      'Before running it: what happens to the 101st request of that minute?',
    options: [
      {
        id: '429',
        label:
          'It gets HTTP 429 Too Many Requests, with Retry-After and X-RateLimit-Reset saying how many seconds until the next minute, and X-RateLimit-Remaining 0',
        explanation:
          'The window has counted 100 accepted requests, so the limiter refuses at once and tells the client how long to wait: until the counter is cleared at the next whole minute.',
      },
      {
        id: 'queued',
        label: 'It waits in a queue and is served when the next minute starts',
        explanation:
          'That is what a leaky bucket does with a request it has room for. A fixed window keeps no queue: it accepts or refuses on the spot.',
      },
      {
        id: 'accepted',
        label: 'It is served normally; the limit only counts the average over the minute',
        explanation:
          'A window counter refuses as soon as the count reaches the limit; it does not wait to see what the rest of the minute brings.',
      },
      {
        id: '503',
        label: 'It gets 503 Service Unavailable and the connection is closed',
        explanation:
          '503 says the server itself cannot cope. A rate limit is about this client having used its allowance, which is what 429 means, and the headers let the client back off politely.',
      },
    ],
    params: request101,
    durationS: 60,
    warmupS: 0,
    outcome: request101Outcome,
  },
  {
    kind: 'numeric',
    id: 'rl-eight-local',
    title: 'Eight gateways, eight counters',
    prompt:
      'The API runs on 8 gateways behind a round-robin load balancer. Each gateway enforces 100 requests per minute per user with its own counter in memory; they share nothing.\n\n' +
      'A user sends requests as fast as they like. At most how many requests per minute get through? (Try it: the preset "8 gateways counting locally", then read the most accepted in one window.)',
    unit: 'requests per minute',
    answer: EIGHT_LOCAL_ANSWER,
    tolerance: 40,
    explanation:
      'The balancer spreads the user’s requests over all 8 gateways, and each one lets its own 100 a minute through before refusing: 8 × 100 = 800, eight times the promised limit. A shared counter in a store such as Redis brings it back to 100.',
  },
  {
    kind: 'choice',
    id: 'rl-fail-mode',
    title: 'The counter store is down',
    prompt:
      'The 8 gateways share one counter store. It becomes unreachable for two minutes. The API serves a public product catalogue; the limit exists to stop a single client from hogging it.\n\n' +
      'What should the gateways do while the store is down?',
    options: [
      {
        id: 'open',
        label:
          'Fail open: serve requests without the shared limit (ideally with a loose per-gateway limit as a safety net), and alert someone',
        explanation:
          'Right for this API. An outage of the limiter should not become an outage of the product: every honest user keeps being served. The risk is two minutes without a shared limit, which a rough local limit on each gateway can bound.',
      },
      {
        id: 'closed',
        label: 'Fail closed: refuse every request with 429 until the store is back',
        explanation:
          'That keeps the limit, but turns a fault in an internal dependency into two minutes of errors for every user. It is the right call only where going over the limit is worse than being down, such as login attempts or payments.',
      },
      {
        id: 'queue',
        label: 'Hold all requests until the store answers again, then count them',
        explanation:
          'Requests would pile up on the gateways for two minutes and time out; clients would retry and make the pile bigger. Waiting on a dead dependency is the worst of both options.',
      },
      {
        id: 'no-matter',
        label: 'It makes no difference: an outage that short cannot matter',
        explanation:
          'In the simulation two minutes of fail open accept every request in that time, and fail closed refuse every one of them: hundreds of requests either way.',
      },
    ],
    correctId: 'open',
  },
  {
    kind: 'challenge',
    id: 'rl-boundary-twice',
    title: 'Get twice the limit through a fixed window',
    prompt:
      'A fixed window of 100 requests per minute looks strict. Show that it is not: change the user’s traffic (and, if you like, the limit or the window) until the limiter accepts at least ' +
      `${BOUNDARY_FACTOR} times its limit within one window length.`,
    fixed: { algorithm: 'fixed-window', gateways: 1, centralStore: false, outageDurationS: 0 },
    focus: ['trafficPattern', 'rate', 'limit', 'windowS'],
    setup: { ...seedApi, algorithm: 'fixed-window', trafficPattern: 'steady', rate: 2 },
    durationS: 300,
    warmupS: 0,
    check: checkBoundary,
  },
  {
    kind: 'reflection',
    id: 'rl-design',
    title: 'Design the limiter for 100 requests a minute on 8 servers',
    prompt:
      'Your REST API allows 100 requests per minute per user, runs on 8 servers behind a load balancer, and identifies users by an API key in a header. In a few sentences: which algorithm you choose and why (bursts or a smooth rate?), what request 101 receives, what you store where and how you update it, and where in the request path the limiter sits.',
    modelAnswer:
      'A sliding window counter (or a token bucket of 100 refilled at 100 a minute, if short bursts are welcome) keeps users near 100 a minute without the double burst a fixed window allows at its edges, at the cost of two counters per user; a sliding log is exact but stores up to 100 timestamps per user. ' +
      'Request 101 gets 429 Too Many Requests with Retry-After (seconds to wait), X-RateLimit-Limit 100, X-RateLimit-Remaining 0 and X-RateLimit-Reset; the client should stop, wait that long, and retry with backoff. ' +
      'Because the 8 servers each see an eighth of a user’s traffic, local counters would allow 800 a minute, so the counters live in a shared Redis under keys such as ratelimit:{apiKey}:{window}, updated by one Lua script that increments, checks and sets the expiry atomically. ' +
      'The limiter runs at the API gateway, right after the API key is read and before any application work, so abusive traffic is refused as early and as cheaply as possible. If Redis is unreachable, the gateway fails open with a loose local limit and raises an alert.',
    rubric: [
      'Chooses an algorithm and justifies it by bursts versus a smooth rate, and mentions the fixed window’s boundary problem.',
      'Request 101: 429 with Retry-After and the X-RateLimit headers, and a client that waits and backs off.',
      'Uses a shared store (such as Redis) keyed by API key and window, because per-server counters would allow 8 × 100.',
      'Makes the check-and-increment atomic (a Lua script or a single atomic command with expiry).',
      'Places the limiter at the gateway or edge, before the application does work, and says what happens when the store fails.',
    ],
  },
];
