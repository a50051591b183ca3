// `npm run bench`: the standard M/M/4 scenario (utilisation 0.8, one million customers) through
// the real simulation core with all metrics on, next to the minimal baseline in baseline.ts.
// Prints one JSON object. `--smoke` runs a shorter version and exits 1 if the ratio < 0.5.
//
// JIT compilers decide differently from one process to the next (which functions are inlined
// depends on the feedback seen when each is compiled), so one process's ratio varies by about
// +-0.05 on this machine class. Like JMH's forks, the bench runs the measurement in several
// fresh processes and reports the median of their ratios; within a process, core and baseline
// runs alternate and each run's ratio is taken against the baseline run next to it, so that
// machine noise hits both sides of a ratio alike.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
const CUSTOMERS = 1_000_000;
const RUNS = smoke ? 3 : 5;
const FORKS = 5;
const SMOKE_MIN_RATIO = 0.5;
const TARGET_RATIO = 0.6;

/** What one process measured. */
interface ForkResult {
  readonly coreEventsPerSec: number;
  readonly baselineEventsPerSec: number;
  readonly bareHeapEventsPerSec: number;
  readonly ratio: number;
  readonly coreMeanWaitMs: number;
  readonly baselineMeanWaitMs: number;
}

const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** One process's measurement: a warm-up pair, then RUNS alternating core and baseline runs. */
function measure(): ForkResult {
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
  const core: number[] = [];
  const base: number[] = [];
  const bare: number[] = [];
  const ratios: number[] = [];
  let coreMeanWaitMs = 0;
  let baselineMeanWaitMs = 0;
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
    baselineMeanWaitMs = b.meanWaitS * 1000;
    t0 = performance.now();
    const bb = runBaseline(LAMBDA, MU, SLOTS, CUSTOMERS, r + 1, false);
    const bareMs = performance.now() - t0;
    if (r === 0) continue; // the first pair warms the JIT
    const c = events / (coreMs / 1000);
    const s = b.events / (baseMs / 1000);
    core.push(c);
    base.push(s);
    bare.push(bb.events / (bareMs / 1000));
    ratios.push(c / s);
  }
  return {
    coreEventsPerSec: median(core),
    baselineEventsPerSec: median(base),
    bareHeapEventsPerSec: median(bare),
    ratio: median(ratios),
    coreMeanWaitMs,
    baselineMeanWaitMs,
  };
}

if (process.argv.includes('--fork')) {
  // A child: measure and hand the figures to the parent on stdout.
  console.log(JSON.stringify(measure()));
} else {
  const forks: ForkResult[] = [];
  const script = fileURLToPath(import.meta.url);
  for (let f = 0; f < FORKS; f++) {
    const args = [...process.execArgv, script, '--fork', ...(smoke ? ['--smoke'] : [])];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      throw new Error(`bench: measuring process ${f + 1} exited with ${String(child.status)}`);
    }
    forks.push(JSON.parse(child.stdout.trim().split('\n').pop() as string) as ForkResult);
  }
  const ratio = median(forks.map((f) => f.ratio));
  const coreEventsPerSec = median(forks.map((f) => f.coreEventsPerSec));
  const erlangWaitMs = (erlangC(SLOTS, LAMBDA / MU) / (SLOTS * MU - LAMBDA)) * 1000;
  const out = {
    scenario: `M/M/${SLOTS}, utilisation ${RHO}, ${CUSTOMERS} customers; ${FORKS} processes x ${RUNS} runs each, medians`,
    coreEventsPerSec: Math.round(coreEventsPerSec),
    baselineEventsPerSec: Math.round(median(forks.map((f) => f.baselineEventsPerSec))),
    ratio: round(ratio),
    ratioByProcess: forks.map((f) => round(f.ratio)),
    target: smoke ? SMOKE_MIN_RATIO : TARGET_RATIO,
    // The same heap without insertion-order ties: faster, but not the core's contract.
    bareHeapEventsPerSec: Math.round(median(forks.map((f) => f.bareHeapEventsPerSec))),
    meanWaitMs: {
      core: round(median(forks.map((f) => f.coreMeanWaitMs))),
      baseline: round(median(forks.map((f) => f.baselineMeanWaitMs))),
      erlangC: round(erlangWaitMs),
    },
  };
  console.log(JSON.stringify(out, null, 2));
  if (smoke && ratio < SMOKE_MIN_RATIO) {
    console.error(
      `bench smoke: the core runs at ${out.ratio} of the baseline, below ${SMOKE_MIN_RATIO}`,
    );
    process.exit(1);
  }
}
