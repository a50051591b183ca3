// The rate-limiting lesson's text as data (plain strings): hook, key ideas, what to notice,
// the model's assumptions and the mermaid diagram of the simulated system.

import type { LessonContent, LessonSection } from '../../../sim/content.ts';

const hook =
  'Your API promises each user 100 requests a minute. One user fires 100 requests in the last second of a minute and 100 more in the first second of the next: did your limiter keep its promise? Below, one user’s traffic meets five different limiters. Watch which requests get through, what the rejected ones are told, and how many slip through in a single window when the user times the attack well or when eight gateways each count on their own.';

const sections: readonly LessonSection[] = [
  {
    title: 'Counting in windows',
    paragraphs: [
      'A fixed window keeps one counter per user and clears it on the minute. It costs almost nothing, but the clearing moment is public: a burst that straddles it is counted half in one window and half in the next, so up to twice the limit gets through within sixty seconds.',
      'A sliding log remembers the time of every accepted request and counts those younger than one window. It is exact, but it stores up to a full limit of timestamps per user. A sliding window counter keeps just the current and the previous window’s counts, and weighs the previous one by how much of it still overlaps the last minute: close to exact for ordinary traffic and immune to the simple boundary burst, though a user who fills one window at its last instant and then keeps sending steadily can still approach twice the limit.',
    ],
  },
  {
    title: 'Buckets: bursts on purpose, or none at all',
    paragraphs: [
      'A token bucket holds up to a capacity of tokens and gains them at a steady refill rate; each request spends one. A user who has been quiet can therefore send a burst as large as the capacity, then continues at the refill rate. Nothing runs in the background: the bucket works out how many tokens it gained since the last request when the next one arrives.',
      'A leaky bucket is a queue that releases requests at a fixed pace. Bursts do not pass through; they wait in line and come out evenly spaced, and only when the queue is full is a request turned away. The price is latency: an accepted request may wait many seconds.',
    ],
  },
  {
    title: 'What a rejected client is told',
    paragraphs: [
      'Going over the limit earns an HTTP 429 Too Many Requests. Useful limiters also say how to behave: Retry-After is the number of seconds to wait, X-RateLimit-Limit the allowance, X-RateLimit-Remaining what is left of it, and X-RateLimit-Reset when it is restored. A client that reads them backs off instead of hammering the API and collecting more 429s.',
    ],
  },
  {
    title: 'Many gateways, one limit',
    paragraphs: [
      'Behind a load balancer each of N gateways sees only a share of a user’s requests. If each counts alone, the user gets N allowances: 8 gateways with 100 a minute each let 800 through. The usual fix is one shared counter in a fast store such as Redis, updated atomically on every request (a Lua script keeps increment, check and expiry in one step).',
      'The shared store adds a round trip per request and becomes a dependency. When it is unreachable a gateway must pick: fail open and serve everyone without a limit, or fail closed and refuse everyone until the store returns.',
    ],
  },
];

const notice: readonly string[] = [
  'Under the boundary attack on a fixed window, the timeline shows two solid blocks of accepted requests either side of a dashed window edge, and the readout of most accepted in one window reaches twice the limit.',
  'Switch the same attack to the sliding log: the second block turns into rejections and the rolling count flattens at the limit.',
  'Pick a rejected request: Retry-After and X-RateLimit-Reset count down to the next window edge for the fixed window, but to the moment the oldest logged request leaves the window for the sliding log.',
  'With the token bucket, the level chart drains to zero during a burst and refills in a straight line while the user is quiet.',
  'With the leaky bucket, accepted requests trail a line to the moment they actually leave the queue: bursts come out evenly spaced, several seconds late.',
  'With 8 gateways counting locally, the rolling count climbs to about eight times the limit; turn on the shared store and it drops back to the limit.',
  'In the memory table, the sliding log stores one number per request it remembers, the others a handful regardless of traffic.',
];

const assumptions: readonly string[] = [
  'All the traffic comes from one user (one API key); the limit is per user, so other users would not change anything shown here.',
  'A limiter decides instantly. The only time a decision costs is the round trip to the shared store, and it is added to the accepted request’s latency without changing the order of decisions.',
  'Windows of the fixed window and the sliding window counter start at time 0 and every window length after it.',
  'The sliding window counter estimates the last window as previous count × (the share of the previous window still inside it) + current count, and allows a request only if adding it keeps that estimate at or below the limit.',
  'The token bucket starts full and refills continuously; a request needs one whole token.',
  'The leaky bucket is a queue: an accepted request leaves at the drain rate, evenly spaced after the one before it, and waits until then. A request that finds the queue full is rejected at once.',
  'Gateways take turns (round robin). Counting locally, each has its own limiter with the full limit; with the shared store they all use one limiter.',
  'While the store is down, no request is counted: failing open accepts every request, failing closed rejects every request with Retry-After set to the end of the outage.',
  'The most accepted in any window is exact: it is the largest number of accepted requests in any half-open interval (t − window, t], over the whole run.',
  'The level chart (tokens or queue length) is averaged over time in each chart bucket, holding the level constant between requests.',
  'X-RateLimit-Reset is shown as seconds from the moment of the response, not as a Unix timestamp, because the simulation has no wall clock.',
];

const diagram = `flowchart LR
  user[One user] --> lb[Load balancer]
  lb --> g1[Gateway 1]
  lb --> g2[Gateway 2]
  lb --> gn[Gateway N]
  g1 -. local counter .-> g1
  g1 <-->|shared store on| store[(Counter store)]
  g2 <--> store
  gn <--> store
  g1 -->|allowed| api[API]
  g2 -->|allowed| api
  gn -->|allowed| api
  g1 -->|429 + headers| user`;

export const content: LessonContent = { hook, sections, notice, assumptions, diagram };
