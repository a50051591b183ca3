// `npm run bench`: the standard M/M/4 scenario (utilisation 0.8, one million customers) through
// the real simulation core with all metrics on, next to the minimal baseline in baseline.ts.
// Prints one JSON object. `--smoke` runs a shorter version and exits 1 if the ratio < 0.5.
import { lessonModels } from '../src/lessons/modelRegistry.ts';
import { runScenario } from '../src/sim/run.ts';
import { validateScenario } from '../src/sim/scenario.ts';
import { erlangC } from '../src/sim/theory/queueing.ts';
import { runBaseline } from './baseline.ts';

const smoke = process.argv.includes('--smoke');
const SLOTS = 4;
const SERVICE_MS = 10;
const MU = 1000 / SERVICE_MS;
const RHO = 0.8;
const LAMBDA = RHO * SLOTS * MU;
const CUSTOMERS = smoke ? 200_000 : 1_000_000;
const RUNS = smoke ? 3 : 5;
const SMOKE_MIN_RATIO = 0.5;

const durationS = CUSTOMERS / LAMBDA;
const checked = validateScenario(
  {
    lesson: 'load-balancing',
    seed: 1,
    durationS,
    warmupS: durationS / 100,
    params: {
      servers: 1,
      serverConcurrency: SLOTS,
      serviceTimeMs: SERVICE_MS,
      arrivalRate: LAMBDA,
      queueLimit: 10_000,
    },
  },
  lessonModels,
);
if (!checked.ok) throw new Error(checked.problems.join('\n'));
const def = lessonModels.get('load-balancing');
if (!def) throw new Error('load-balancing is not registered');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const core: number[] = [];
const base: number[] = [];
const bare: number[] = [];
let coreMeanWaitMs = 0;
let baseMeanWaitMs = 0;
// Interleave the two so that machine noise hits both alike; the first pair warms the JIT.
for (let r = 0; r <= RUNS; r++) {
  let t0 = performance.now();
  const result = runScenario(def, { ...checked.scenario, seed: r + 1 });
  const coreMs = performance.now() - t0;
  const events = result.summary.requests.arrived + result.summary.requests.completed;
  const servers = result.summary.servers as { meanQueueLength: number }[];
  // Little's law on the queue: mean wait = mean queue length / arrival rate.
  coreMeanWaitMs = ((servers[0]?.meanQueueLength ?? 0) / LAMBDA) * 1000;
  t0 = performance.now();
  const b = runBaseline(LAMBDA, MU, SLOTS, CUSTOMERS, r + 1, true);
  const baseMs = performance.now() - t0;
  baseMeanWaitMs = b.meanWaitS * 1000;
  t0 = performance.now();
  const bb = runBaseline(LAMBDA, MU, SLOTS, CUSTOMERS, r + 1, false);
  const bareMs = performance.now() - t0;
  if (r > 0) {
    core.push(events / (coreMs / 1000));
    base.push(b.events / (baseMs / 1000));
    bare.push(bb.events / (bareMs / 1000));
  }
}
const coreEventsPerSec = median(core);
const baselineEventsPerSec = median(base);
const ratio = coreEventsPerSec / baselineEventsPerSec;
const erlangWaitMs = (erlangC(SLOTS, LAMBDA / MU) / (SLOTS * MU - LAMBDA)) * 1000;
const out = {
  scenario: `M/M/${SLOTS}, utilisation ${RHO}, ${CUSTOMERS} customers, ${RUNS} runs each (median)`,
  coreEventsPerSec: Math.round(coreEventsPerSec),
  baselineEventsPerSec: Math.round(baselineEventsPerSec),
  ratio: Math.round(ratio * 1000) / 1000,
  // The same heap without insertion-order ties: faster, but not the core's contract.
  bareHeapEventsPerSec: Math.round(median(bare)),
  ratioToBareHeap: Math.round((coreEventsPerSec / median(bare)) * 1000) / 1000,
  meanWaitMs: {
    core: round(coreMeanWaitMs),
    baseline: round(baseMeanWaitMs),
    erlangC: round(erlangWaitMs),
  },
  ...(smoke ? { smokeMinRatio: SMOKE_MIN_RATIO } : {}),
};
console.log(JSON.stringify(out, null, 2));
if (smoke && ratio < SMOKE_MIN_RATIO) {
  console.error(
    `bench smoke: the core runs at ${out.ratio} of the baseline, below ${SMOKE_MIN_RATIO}`,
  );
  process.exit(1);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
