// The load-balancing lesson's text as data (plain strings): hook, key ideas, what to notice,
// the model's assumptions and the mermaid diagram of the simulated system.

import type { LessonContent, LessonSection } from '../../../sim/content.ts';

const hook =
  'Five healthy servers, one new request: which server gets it? A load balancer answers that question thousands of times a second, and the rule it uses decides whether your servers share the work or one of them drowns while another idles. Below, the same seeded traffic runs through nine different rules. Change a server, the request mix or the algorithm and watch the queues, the tail latency and the clients move.';

const sections: readonly LessonSection[] = [
  {
    title: 'What the balancer decides',
    paragraphs: [
      'For every request the balancer picks one server out of those it believes are healthy. It cannot see inside the servers: all it knows is what it configured (weights), what it can count (open connections), what it has measured (response times) and what its health checks report.',
      'A good choice keeps every server about equally busy and sends no request to wait behind a slow one. A bad choice shows up as one long queue while other servers sit idle.',
    ],
  },
  {
    title: 'Static and dynamic rules',
    paragraphs: [
      'Round robin, weighted round robin, random and the hashing rules decide without looking at the servers at all. They are cheap and predictable, and they work as long as servers and requests are alike.',
      'Least connections, weighted least connections, power of two choices and least response time look at a signal from the servers before choosing. That feedback lets them route around a server that is stuck, as long as the signal really tracks how busy the server is.',
    ],
  },
  {
    title: 'Different servers, different weights',
    paragraphs: [
      'Round robin gives every server the same number of requests, not the same amount of work. If C has twice the cores of A and B, an equal split leaves A and B saturated while C runs half empty. Weights in the ratio of capacity (1, 1, 2) fix that, as long as the capacities are known and do not change.',
    ],
  },
  {
    title: 'When a few requests are very expensive',
    paragraphs: [
      'If most requests take 10 ms and one in a hundred takes 5 s, any rotation will keep handing new requests to a server that is busy with a 5 s job, and those requests wait. Counting open connections exposes the stuck server, so least connections sends the work elsewhere and the tail latency drops to little more than the slow requests themselves.',
    ],
  },
  {
    title: 'Hashing, affinity and remapping',
    paragraphs: [
      'IP hash sends each client address to the same server every time, which keeps per-server sessions working without a shared store. But an office behind a NAT gateway is one address, so all of its users land on one server.',
      'Hash mod N also reshuffles almost everyone when N changes: one server leaving moves about nine clients in ten. A consistent-hash ring gives each server many points on a circle, so a departure moves only the clients that server owned.',
    ],
  },
];

const notice: readonly string[] = [
  "With round robin on the A, B, C fleet, A's and B's queue bars grow and their utilisation sits near 100 % while C stays around half busy.",
  'Switch that fleet to weighted round robin with weights 1,1,2 and the three utilisation bars line up, with C taking half of the requests.',
  'With 10 ms / 5 s requests, compare p50 and p99: round robin barely changes the median but pushes p99 well beyond 5 s; least connections keeps p99 near the 5 s of the slow requests themselves.',
  "Under IP hash with a NAT gateway share of 0.3, one server's share of requests stands far above the others no matter how many servers you add.",
  'When a server fails, requests sent to it fail until the health checks mark it down; shorter check intervals or lower thresholds shrink that gap.',
  'Compare the remapped share after a failure: about 0.9 with IP hash, about 0.1 with the consistent-hash ring. Try the ring with 1 virtual node per server and watch the share become lopsided.',
];

const assumptions: readonly string[] = [
  'Requests arrive at random moments (a Poisson process) at the set average rate. Each comes from a random client address, except the NAT share, which all comes from a single address.',
  "A request's amount of work is drawn without regard to where it goes; a server's speed divides it, so a speed-2 server finishes the same request in half the time.",
  "Each slot serves one request at a time at the server's full speed; slots on the same server do not slow each other down.",
  'Every server has its own first-in, first-out queue. A request that finds the queue full is rejected; requests never move to another server once sent.',
  'Health checks answer instantly and are never wrong: a probe fails exactly when the server is down.',
  'A request sent to a dead server before the balancer notices fails at once, and requests a server holds when it dies are lost. Nothing is retried.',
  'The balancer sees only its own health view, the open connections per server (in service plus queued), the configured weights and the response times it has observed. It never sees true server speeds.',
  'Weighted least connections picks the lowest (connections + 1) ÷ weight. Empty weights mean each server weighs its speed.',
  "Least response time keeps a moving average of each server's observed latency (the newest response counts 20 %) and picks the lowest average × (connections + 1). The average only learns from responses, and it fades with a 2 s time constant while a server gets none, so a server that looked slow once is tried again.",
  'Ties among equally good servers are broken at random, from the seed.',
  'IP hash takes a hash of the client address modulo the number of healthy servers. The consistent-hash ring gives each server as many points as the virtual-nodes setting; a client goes to the first healthy server clockwise from its hash.',
  'The remapped share counts every client address, whether or not it sent a request recently.',
  'Utilisation, shares, queue lengths and latency percentiles exclude the warm-up period at the start of a run.',
  'Percentiles are read from a histogram whose logarithmic bins are 1 % wide, so they are accurate to about half a per cent.',
  "In the mixed profile each server's speed is drawn from the seed, between 0.5 and 2.",
];

const diagram = `flowchart LR
  clients[Clients] --> lb[Load balancer]
  office[Office users] --> nat[NAT gateway] --> lb
  lb --> q1[Queue 1] --> s1[Server 1]
  lb --> q2[Queue 2] --> s2[Server 2]
  lb --> qn[Queue N] --> sn[Server N]
  lb -. health checks .-> s1
  lb -. health checks .-> s2
  lb -. health checks .-> sn`;

export const content: LessonContent = { hook, sections, notice, assumptions, diagram };
