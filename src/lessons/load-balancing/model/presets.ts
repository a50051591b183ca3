// Presets for the load-balancing lesson: each sets a whole configuration (every parameter, so
// nothing lingers from the previous one) to show one idea from the lesson.
import { presetMaker, type LessonPreset } from '../../../sim/presets.ts';
import { paramGroups } from './params.ts';

const preset = presetMaker(paramGroups);

export const presets: readonly LessonPreset[] = [
  preset(
    'identical',
    'Identical servers',
    'Five equal servers, round robin, 80 % busy: the baseline every other preset changes one thing in.',
    {},
  ),
  preset(
    'abc-fleet',
    'A, B, C fleet',
    'A and B with 8 cores, C with 16, under plain round robin at 460 req/s: A and B run near 100 % while C idles at half. Try weighted round robin with weights 1,1,2.',
    {
      serverProfile: 'abc',
      servers: 3,
      serverConcurrency: 8,
      arrivalRate: 460,
      algorithm: 'round-robin',
    },
  ),
  preset(
    'bimodal',
    '10 ms or 5 s requests',
    'One request in a hundred takes 5 s, the rest 10 ms, on ten one-at-a-time servers. Compare p99 under round robin and least connections.',
    {
      servers: 10,
      serverConcurrency: 1,
      serviceTimeDistribution: 'bimodal',
      serviceTimeMs: 60,
      arrivalRate: 50,
      algorithm: 'round-robin',
    },
  ),
  preset(
    'nat-office',
    "NAT'd office",
    'IP hash with 30 % of the traffic from one office address: one server takes about 44 % of all requests.',
    {
      algorithm: 'ip-hash',
      natShare: 0.3,
      arrivalRate: 30,
    },
  ),
  preset(
    'server-failure',
    'Server failure',
    'Server s3 dies at 30 s for 60 s. Until the health checks notice, requests sent to it fail; then the other four carry the load.',
    {
      arrivalRate: 60,
      failServerIndex: 2,
      failAtS: 30,
      failDurationS: 60,
    },
  ),
  preset(
    'power-of-two-scale',
    'Power of two at scale',
    '100 servers at 90 % load. Sampling two servers and taking the less busy one keeps queues far shorter than random choice.',
    {
      servers: 100,
      arrivalRate: 1800,
      algorithm: 'power-of-two',
    },
  ),
  preset(
    'ring-vs-modulo',
    'Hash ring vs modulo',
    'Ten servers on a consistent-hash ring; s4 fails at 30 s and returns at 90 s. Each time about a tenth of the clients move. Compare with IP hash, where about nine in ten do.',
    {
      servers: 10,
      algorithm: 'consistent-hash',
      failServerIndex: 3,
      failAtS: 30,
      failDurationS: 60,
    },
  ),
];
