// The load-balancing lesson's assignments, taken from the A, B, C fleet exercise: weights, what
// round robin does at peak, variable request cost, NAT'd clients under IP hash and remapping.
// Challenge and prediction checks are pure reads of a run's summary.
import type { Assignment, Verdict } from '../../../sim/assignments.ts';
import { defaultValues } from '../../../sim/params.ts';
import type { ParamValue } from '../../../sim/params.ts';
import type { RunResult } from '../../../sim/scenario.ts';
import { paramGroups } from './params.ts';
import type { ServerSummary } from './summary.ts';

type Params = Readonly<Record<string, ParamValue>>;

/** Per-server figures of a run; empty if the summary has none. */
export function serversOf(result: RunResult): readonly ServerSummary[] {
  const servers = result.summary.servers;
  return Array.isArray(servers) ? (servers as ServerSummary[]) : [];
}

const two = (x: number): string => x.toFixed(2);
const pct = (x: number): string => `${Math.round(x * 100)} %`;
const count = (x: number): string => Math.round(x).toLocaleString('en-US');

/** A latency in ms as "12 ms" or "5.0 s". */
function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "A 0.97, B 0.96, C 0.48" */
function utilisations(servers: readonly ServerSummary[]): string {
  return servers.map((s) => `${s.id} ${two(s.utilization)}`).join(', ');
}

function byUtilisation(servers: readonly ServerSummary[]): {
  busiest: ServerSummary | undefined;
  idlest: ServerSummary | undefined;
} {
  let busiest: ServerSummary | undefined;
  let idlest: ServerSummary | undefined;
  for (const s of servers) {
    if (!busiest || s.utilization > busiest.utilization) busiest = s;
    if (!idlest || s.utilization < idlest.utilization) idlest = s;
  }
  return { busiest, idlest };
}

// ---------------------------------------------------------------------------------------------
// (a) Weights for the A, B, C fleet.

/** Largest acceptable gap between the busiest and the idlest server's utilisation. */
export const BALANCE_SPREAD = 0.05;
/** No server may be busier than this. */
export const BALANCE_MAX_UTILISATION = 0.9;

/**
 * A, B and C with 8 slots each (C twice as fast). At 460 req/s of 50 ms requests the fleet is
 * 72 % busy overall, but an equal split puts 0.96 on A and B and 0.48 on C.
 */
const abcFleet: Params = {
  serverProfile: 'abc',
  servers: 3,
  serverConcurrency: 8,
  queueLimit: 100,
  serviceTimeDistribution: 'exponential',
  serviceTimeMs: 50,
  arrivalRate: 460,
  clients: 1000,
  natShare: 0,
  failServerIndex: -1,
};

function checkBalance(result: RunResult): Verdict {
  const servers = serversOf(result);
  const { busiest, idlest } = byUtilisation(servers);
  if (!busiest || !idlest) return { pass: false, feedback: 'The run reported no servers.' };
  const spread = busiest.utilization - idlest.utilization;
  const weights = servers.map((s) => String(s.weight)).join(', ');
  const figures = `${utilisations(servers)} (spread ${two(spread)}, weights ${weights})`;
  if (spread <= BALANCE_SPREAD && busiest.utilization <= BALANCE_MAX_UTILISATION) {
    return {
      pass: true,
      feedback:
        `Balanced: ${figures}. ` +
        servers.map((s) => `${s.id} took ${pct(s.share)}`).join(', ') +
        ' of the requests, in proportion to speed, so every server works equally hard.',
    };
  }
  const why =
    `${busiest.id} (speed ${busiest.speed}) got ${pct(busiest.share)} of the requests and ` +
    `${idlest.id} (speed ${idlest.speed}) got ${pct(idlest.share)}. A server's utilisation ` +
    'follows its share divided by its speed, so the shares have to be in the ratio of the ' +
    'speeds: weights 1, 1, 2 send a quarter each to A and B and half to C.';
  if (spread > BALANCE_SPREAD) {
    return {
      pass: false,
      feedback: `Not balanced: ${figures}; the spread must be at most ${BALANCE_SPREAD}. ${why}`,
    };
  }
  return {
    pass: false,
    feedback: `${busiest.id} runs at ${two(busiest.utilization)}, above ${BALANCE_MAX_UTILISATION}: ${figures}. ${why}`,
  };
}

// ---------------------------------------------------------------------------------------------
// (b) Plain round robin at peak.

/**
 * Peak traffic: 84 % of the fleet's capacity, but 113 % of A's and B's under an equal split.
 * Complete (defaults underneath): a prediction run uses exactly these parameters.
 */
const peakRoundRobin: Params = {
  ...defaultValues(paramGroups),
  ...abcFleet,
  arrivalRate: 540,
  algorithm: 'round-robin',
  weights: '',
};

function peakOutcome(result: RunResult): { optionId: string; evidence: string } {
  const servers = serversOf(result);
  const small = servers.filter((s) => s.speed < 2);
  const big = servers.filter((s) => s.speed >= 2);
  const rejected = result.summary.requests.rejected;
  const describe = (s: ServerSummary) =>
    `${s.id} ${two(s.utilization)} busy with ${s.meanQueueLength.toFixed(1)} waiting on average`;
  const evidence =
    `${servers.map(describe).join('; ')}. ${count(rejected)} requests were rejected at full ` +
    `queues and p99 was ${duration(result.summary.latencyMs.p99)}.`;
  const { busiest, idlest } = byUtilisation(servers);
  const smallMin = Math.min(...small.map((s) => s.utilization));
  const smallMax = Math.max(...small.map((s) => s.utilization));
  const bigMax = Math.max(...big.map((s) => s.utilization));
  const smallQueue = Math.min(...small.map((s) => s.meanQueueLength));
  let optionId: string;
  if (busiest && idlest && busiest.utilization - idlest.utilization < 0.1) optionId = 'even';
  else if (bigMax > smallMax) optionId = 'c-busiest';
  else if (smallMin >= 0.95 && (rejected > 0 || smallQueue >= 10)) optionId = 'ab-overloaded';
  else optionId = 'ab-busier';
  return { optionId, evidence };
}

// ---------------------------------------------------------------------------------------------
// (c) Requests that cost 10 ms or 5 s.

/** The p99 a balancer must keep under: a 5 s request's own time plus a little. */
export const BIMODAL_P99_LIMIT_MS = 6000;

/**
 * Ten one-slot servers at 30 % load. Bimodal with mean 60 ms: 99 % of requests take 10 ms and
 * 1 % take 5 s (fast = 60 / 5.99 ms).
 */
const bimodalFleet: Params = {
  serverProfile: 'equal',
  servers: 10,
  serverConcurrency: 1,
  queueLimit: 100,
  serviceTimeDistribution: 'bimodal',
  serviceTimeMs: 60,
  arrivalRate: 50,
  clients: 1000,
  natShare: 0,
  weights: '',
  failServerIndex: -1,
};

const blindReason: Record<string, string> = {
  'round-robin':
    'Round robin hands out turns without looking, so a server stuck on a 5 s request keeps getting its share and the fast requests queue behind it.',
  'weighted-round-robin':
    'Weights fix differences in server speed, not in request cost: the rotation still sends fast requests to a server stuck on a 5 s request.',
  random:
    'Random choice ignores how busy a server is, so fast requests land behind 5 s requests as often as anywhere else.',
  'ip-hash':
    'IP hash sends each client to its fixed server whether or not that server is stuck on a 5 s request.',
  'consistent-hash':
    'The hash ring sends each client to its fixed server whether or not that server is stuck on a 5 s request.',
  'power-of-two':
    'Power of two looks at only two servers; when both are busy with slow requests the fast one still has to wait.',
  'least-response-time':
    'Least response time ranks servers by the latency they have already delivered. That signal lags: a server that just finished a 5 s request looks slow and is avoided long after it became free, and the traffic piles onto the few servers that look fast.',
};

function checkBimodal(result: RunResult): Verdict {
  const lat = result.summary.latencyMs;
  const algorithm = String(result.params.algorithm);
  const rejected = result.summary.requests.rejected;
  const figures =
    `With ${algorithm}: p50 ${duration(lat.p50)}, p95 ${duration(lat.p95)}, p99 ` +
    `${duration(lat.p99)}${rejected > 0 ? `, ${count(rejected)} rejected` : ''}.`;
  if (lat.p99 <= BIMODAL_P99_LIMIT_MS) {
    const tail =
      lat.p99 >= 1000
        ? 'The slowest 1 % are the 5 s requests themselves, which no balancer can shorten'
        : 'Slightly fewer than 1 % of the requests happened to be slow in this run, so p99 falls among the fast ones';
    return {
      pass: true,
      feedback:
        `${figures} ${tail}. Fast requests did not queue behind the slow ones: the balancer ` +
        'counted open connections and sent new work to servers that had few.',
    };
  }
  return {
    pass: false,
    feedback:
      `${figures} p99 must be at most ${duration(BIMODAL_P99_LIMIT_MS)}: above 5 s it means ` +
      `requests waited behind 5 s requests. ${blindReason[algorithm] ?? ''}`.trim(),
  };
}

// ---------------------------------------------------------------------------------------------
// (d), (e), (f) Hashing.

/** Largest share of clients that may move when one of ten servers fails. */
export const REMAP_LIMIT = 0.15;

/** Ten servers, server 0 dies for good at 60 s and is taken out by the health checks at 65 s. */
const failoverFleet: Params = {
  serverProfile: 'equal',
  servers: 10,
  serverConcurrency: 1,
  queueLimit: 100,
  serviceTimeDistribution: 'exponential',
  serviceTimeMs: 50,
  arrivalRate: 80,
  clients: 1000,
  natShare: 0,
  failServerIndex: 0,
  failAtS: 60,
  failDurationS: 0,
  healthCheckIntervalS: 5,
  unhealthyThreshold: 2,
  healthyThreshold: 2,
};

function checkRemap(result: RunResult): Verdict {
  const algorithm = String(result.params.algorithm);
  const share = result.summary.remappedShare;
  const failed = result.summary.requests.failed;
  if (typeof share !== 'number') {
    return {
      pass: false,
      feedback:
        `With ${algorithm} no client had a server of its own, so there were no clients to keep: ` +
        'every request may go anywhere, and a session held in one server’s memory is lost on ' +
        `the next request. Pick an algorithm that ties each client to a server. (${count(failed)} requests failed.)`,
    };
  }
  const moved = `${pct(share)} of the 1,000 clients changed server when s1 left (remappedShare ${two(share)})`;
  if (share <= REMAP_LIMIT) {
    return {
      pass: true,
      feedback:
        `${moved}: only the clients that s1 used to serve moved, about one in ten, and everyone ` +
        'else kept their server and their session.',
    };
  }
  const why =
    algorithm === 'ip-hash'
      ? 'hash mod N changes for almost every client when N drops from 10 to 9, so nearly everyone moves, not only the failed server’s clients.'
      : 'with few points per server the ring is uneven, so the failed server owned far more than a tenth of it; more virtual nodes even it out.';
  return {
    pass: false,
    feedback: `${moved}; at most ${pct(REMAP_LIMIT)} may move. With ${algorithm}, ${why}`,
  };
}

// ---------------------------------------------------------------------------------------------

export const assignments: readonly Assignment[] = [
  {
    kind: 'challenge',
    id: 'lb-balance-abc',
    title: 'Balance A, B and C',
    prompt:
      'Servers A and B have 8 cores each; C has 16, so it works twice as fast. 460 requests a second arrive, and weighted round robin hands them out with weights 1, 1, 1, which is the same as plain round robin.\n\n' +
      `Set the weights so that all three servers are equally busy: utilisations no more than ${BALANCE_SPREAD} apart, and none above ${BALANCE_MAX_UTILISATION}. Watch the utilisation bars while you try.`,
    fixed: { ...abcFleet, algorithm: 'weighted-round-robin' },
    focus: ['weights'],
    setup: { ...abcFleet, algorithm: 'weighted-round-robin', weights: '1,1,1' },
    durationS: 300,
    warmupS: 30,
    check: checkBalance,
  },
  {
    kind: 'prediction',
    id: 'lb-round-robin-peak',
    title: 'What does plain round robin do to A and B at peak?',
    prompt:
      'Same fleet (A and B with 8 cores, C with 16), now at a peak of 540 requests a second. That is 84 % of what the three can serve together. The balancer uses plain round robin, so each server gets every third request.\n\n' +
      'Before running it: what happens?',
    options: [
      {
        id: 'ab-overloaded',
        label:
          'A and B run flat out, their queues fill and requests are rejected, while C has capacity to spare',
        explanation:
          'Each server gets 180 requests a second; A and B can finish only 160, so they saturate and their queues fill, while C could handle 320 and sits near half busy.',
      },
      {
        id: 'ab-busier',
        label: 'A and B are busier than C, but they keep up: queues stay short',
        explanation:
          'That would hold below 480 requests a second. At 540 the third that A and B each receive is more than they can finish, so no steady state exists for them.',
      },
      {
        id: 'even',
        label: 'All three are about equally busy, since round robin spreads the load evenly',
        explanation:
          'Round robin evens out the number of requests, not the work: C finishes its third in half the time, so it ends up half as busy.',
      },
      {
        id: 'c-busiest',
        label: 'C becomes the busiest, because it is the biggest server',
        explanation:
          'Round robin does not know C is bigger; it gets the same third as the others and, being twice as fast, has the most room left.',
      },
    ],
    params: peakRoundRobin,
    durationS: 300,
    warmupS: 30,
    outcome: peakOutcome,
  },
  {
    kind: 'challenge',
    id: 'lb-bimodal-p99',
    title: 'Requests cost 10 ms or 5 s',
    prompt:
      'Ten servers each work on one request at a time. Most requests take 10 ms, but one in a hundred takes 5 s (a report, a big export). 50 requests a second arrive, so the fleet is only 30 % busy.\n\n' +
      `Choose the balancing algorithm that keeps p99 latency at or below ${duration(BIMODAL_P99_LIMIT_MS)}: the slow requests will always take their 5 s, but nobody should be stuck waiting behind them.`,
    fixed: bimodalFleet,
    focus: ['algorithm'],
    setup: { ...bimodalFleet, algorithm: 'round-robin' },
    durationS: 600,
    warmupS: 60,
    check: checkBimodal,
  },
  {
    kind: 'numeric',
    id: 'lb-nat-ip-hash',
    title: "How unbalanced does a NAT'd office make IP hash?",
    prompt:
      'Five identical servers sit behind IP hash. 30 % of all requests come from one office whose users share a single public address behind a NAT gateway; the rest come from a thousand separate clients.\n\n' +
      'What percentage of all requests does the busiest server receive? (Try it: ip-hash, 5 servers, NAT gateway share 0.3, and read the share column.)',
    unit: '%',
    answer: 44,
    tolerance: 3,
    explanation:
      'The office hashes to a single server, which therefore gets all of its 30 %. The other 70 % is spread over the five servers, a fifth each, so that server also gets 14 %: about 44 % in total, more than twice the 20 % an even split would give. Adding servers shrinks only the 14 %; the office’s 30 % cannot be divided.',
  },
  {
    kind: 'choice',
    id: 'lb-remap-share',
    title: 'How many clients move when one of 10 servers leaves?',
    prompt:
      '1,000 clients are spread over 10 servers by hashing their address. One server fails and the balancer takes it out. What share of the clients end up on a different server, with modulo hashing (hash mod N) and with a consistent-hash ring?',
    options: [
      {
        id: 'modulo-90-ring-10',
        label: 'About 90 % with hash mod N, about 10 % with the ring',
        explanation:
          'With hash mod N every client’s server is recomputed with N = 9 instead of 10, and only about one in ten lands where it was. On the ring each server owns arcs of its own; removing one hands its arcs to the neighbours, so only its own tenth of the clients move.',
      },
      {
        id: 'both-10',
        label: 'About 10 % with both: only the failed server’s clients have to move',
        explanation:
          'That is the ideal, and the ring gets close to it. Hash mod N does not: changing N from 10 to 9 changes the result of the modulo for almost every client, including those whose server is still up.',
      },
      {
        id: 'modulo-10-ring-90',
        label: 'About 10 % with hash mod N, about 90 % with the ring',
        explanation:
          'It is the other way round. The ring was invented to avoid the mass reshuffle that hash mod N causes when N changes.',
      },
      {
        id: 'both-all',
        label: 'Nearly all of them with both: any change of servers reshuffles everyone',
        explanation:
          'True for hash mod N, but not for the ring: the surviving servers keep their points on the ring, so the clients that mapped to them stay put.',
      },
    ],
    correctId: 'modulo-90-ring-10',
  },
  {
    kind: 'challenge',
    id: 'lb-keep-clients',
    title: 'Lose a server, keep the clients',
    prompt:
      'Each client’s session lives in the memory of the server it uses, so a client that changes server is logged out. Ten servers serve 1,000 clients; at 60 s server s1 dies for good, and the health checks take it out 5 s later.\n\n' +
      `Choose the balancer settings so that at most ${pct(REMAP_LIMIT)} of the clients change server when s1 leaves (summary figure remappedShare).`,
    fixed: failoverFleet,
    focus: ['algorithm', 'vnodes'],
    setup: { ...failoverFleet, algorithm: 'ip-hash', vnodes: 100 },
    durationS: 180,
    warmupS: 20,
    check: checkRemap,
  },
  {
    kind: 'reflection',
    id: 'lb-abc-reflection',
    title: 'Advise the A, B, C team',
    prompt:
      'The team runs A and B (8 cores each) and C (16 cores) behind one balancer. In a few sentences: which algorithm and weights would you use, what would plain round robin do to A, B and C at peak traffic, and does your answer change if some requests take 10 ms and others 5 s? Say why.',
    modelAnswer:
      'Weighted round robin with weights 1, 1, 2 (any multiple works): C has twice the capacity, so it should get half the requests and A and B a quarter each; then all three run equally busy. ' +
      'Plain round robin gives each server a third. As traffic grows, A and B reach 100 % busy once the total passes three times what one of them can do, which is only three quarters of the fleet’s capacity: their queues grow, latency climbs and requests start failing, while C still has about half its capacity unused. ' +
      'If request cost ranges from 10 ms to 5 s, yes, the answer changes. Weights balance the number of requests, not the work in them, and a rotation keeps feeding a server that is stuck on a slow request. Weighted least connections (same 1, 1, 2 weights) sends each request where there are fewest open connections per unit of capacity, so busy servers get less and fast requests avoid the slow ones; tail latency stays close to the cost of the slow requests themselves.',
    rubric: [
      'Names a weighted algorithm with weights in the ratio 1 : 1 : 2 and says they follow capacity.',
      'Says round robin overloads A and B (queues, latency, errors) while C is left about half idle.',
      'Notes that round robin evens out the number of requests, not the work.',
      'Switches to a connection-aware algorithm (weighted least connections, or power of two choices) when request cost varies.',
      'Explains why: open connections reveal which servers are stuck on slow requests, which a fixed rotation cannot see.',
    ],
  },
];
