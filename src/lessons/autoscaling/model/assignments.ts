// The autoscaling lesson's assignments, built on the seed exercise: a 5x traffic spike every day
// at 09:00 that a reactive autoscaler meets minutes late. Challenge and prediction checks are
// pure reads of a run's summary (`summary.autoscaler`); every threshold below was measured on
// the model and is explained where it is set.
import type { Assignment, Verdict } from '../../../sim/assignments.ts';
import { defaultValues, type ParamValue } from '../../../sim/params.ts';
import type { RunResult } from '../../../sim/scenario.ts';
import { paramGroups } from './params.ts';

type Params = Readonly<Record<string, ParamValue>>;

/** The figures of `summary.autoscaler` the checks read. */
export interface AutoscalerFigures {
  readonly policy: string;
  readonly scalingMetric: string;
  readonly finalInstances: number;
  readonly maxInstances: number;
  readonly minInstances: number;
  readonly scaleOutEvents: number;
  readonly scaleInEvents: number;
  readonly directionChanges: number;
  readonly overshootPct: number;
  readonly secondsToSettle: number | null;
  readonly underProvisionedS: number;
  readonly sloViolationS: number;
  readonly instanceHours: number;
  readonly cost: number;
}

/** The autoscaler figures of a run, or null when the summary has none. */
export function autoscalerOf(result: RunResult): AutoscalerFigures | null {
  const a = result.summary.autoscaler;
  return typeof a === 'object' && a !== null ? (a as AutoscalerFigures) : null;
}

const whole = (x: number): string => Math.round(x).toLocaleString('en-US');
const dollars = (x: number): string => `$${x.toFixed(2)}`;
const minutes = (s: number): string =>
  s < 120 ? `${whole(s)} s` : `${(s / 60).toFixed(s < 600 ? 1 : 0)} min`;
const failedShare = (r: RunResult): number =>
  r.summary.requests.arrived > 0 ? r.summary.requests.failed / r.summary.requests.arrived : 0;
const percent = (x: number): string => `${(100 * x).toFixed(x < 0.01 ? 2 : 1)} %`;

const POLICY_NAMES: Readonly<Record<string, string>> = {
  'target-tracking': 'target tracking',
  'step-scaling': 'step scaling',
  simple: 'simple scaling',
  scheduled: 'scheduled scaling',
  predictive: 'predictive scaling',
  'predictive+reactive': 'predictive plus reactive scaling',
};
const named = (policy: string): string => POLICY_NAMES[policy] ?? policy;

const noFigures: Verdict = { pass: false, feedback: 'The run reported no autoscaler figures.' };

/** The seed's service: the lesson's defaults (200 req/s, 5x spike at 09:00, 3 min to serve). */
const seedService: Params = {
  ...defaultValues(paramGroups),
  demandPattern: 'morning-spike',
  baseRps: 200,
  peakRps: 1000,
  spikeDurationS: 3600,
  startHour: 8,
  surpriseAtS: 0,
  dbBottleneck: false,
};

const DAY = 86_400;

/**
 * The parameters a challenge pins: everything in `scenario` except the ones the learner is
 * asked to choose, so a check cannot be passed by, say, a zero boot time.
 */
function pinAllBut(scenario: Params, focus: readonly string[]): Params {
  return Object.fromEntries(Object.entries(scenario).filter(([name]) => !focus.includes(name)));
}

// ---------------------------------------------------------------------------------------------
// (a) Which delays make the reactive autoscaler late?

const namedDelays: Assignment = {
  id: 'as-delays',
  kind: 'choice',
  title: 'Where the minutes go',
  prompt:
    'Every morning at 09:00 traffic jumps to five times its usual level, and for the first ' +
    'minutes users see errors before the reactive autoscaler catches up. Play the lesson ' +
    'through 09:00 with the default settings and watch the loop diagram.\n\n' +
    'Which delay causes the errors?',
  options: [
    {
      id: 'detection',
      label: 'Detection: the metric has to stay high for several periods first',
      explanation:
        'Detection is part of it (three one-minute periods here), but the first new instance ' +
        'still has to boot and warm up after the decision.',
    },
    {
      id: 'provisioning',
      label: 'Provisioning: instances take minutes to boot',
      explanation:
        'Boot time is part of it, but the autoscaler only launches once the metric has been ' +
        'high for three periods, and a booted instance still needs to warm up.',
    },
    {
      id: 'warmup',
      label: 'Warm-up: new instances are slow at first',
      explanation:
        'Warm-up is the last of three delays in a row: detection, then boot, then warm-up.',
    },
    {
      id: 'all',
      label: 'All of them in a row: detection, then provisioning, then warm-up',
      explanation:
        'The delays add up in series: three minutes of detection before the first action at ' +
        '09:03, two minutes of boot, one of warm-up. Shortening any one helps; removing the ' +
        'wait altogether needs capacity that arrives before the demand does.',
    },
  ],
  correctId: 'all',
};

// ---------------------------------------------------------------------------------------------
// (b) How long until the first new instance serves at full speed?

/** Three periods of detection, 120 s of boot and 60 s of warm-up, from 09:00. */
export const FIRST_FULL_SPEED_S = 360;

const firstFullSpeed: Assignment = {
  id: 'as-first-full-speed',
  kind: 'numeric',
  title: 'The first helper arrives',
  prompt:
    'With the default settings (60 s metric period, 3 evaluation periods, 120 s boot, 60 s ' +
    'warm-up, target tracking on CPU), how many seconds after 09:00 does the first instance ' +
    'the autoscaler adds serve at full speed? Work it out from the delays, then check it in the ' +
    'action log and on the instances chart.',
  unit: 's',
  answer: FIRST_FULL_SPEED_S,
  tolerance: 0,
  explanation:
    'The metric is averaged per minute; all three of the latest datapoints are above the target ' +
    'only at 09:03, when the first action comes. The instance boots until 09:05 and warms up ' +
    'at half speed until 09:06: 360 s in all, six minutes of a 60-minute spike.',
};

// ---------------------------------------------------------------------------------------------
// (c) Predictive scaling that meets the spike with warm instances.

function checkPredictive(result: RunResult): Verdict {
  const a = autoscalerOf(result);
  if (!a) return noFigures;
  const failed = result.summary.requests.failed;
  const figures =
    `On day 2 with ${named(a.policy)}: ${whole(failed)} failed requests, ` +
    `${minutes(a.sloViolationS)} over the latency SLO, cost ${dollars(a.cost)}.`;
  if (a.policy !== 'predictive' && a.policy !== 'predictive+reactive') {
    return {
      pass: false,
      feedback: `${figures} This task asks for a predictive policy: switch the policy to predictive or predictive plus reactive.`,
    };
  }
  if (failed === 0 && a.sloViolationS === 0) {
    return {
      pass: true,
      feedback:
        `${figures} The forecast from day 1 said 1,000 req/s at 09:00, and the capacity was ` +
        'launched early enough to have booted and warmed up before the spike arrived.',
    };
  }
  return {
    pass: false,
    feedback:
      `${figures} The forecast is right, but capacity that is launched when the forecast ` +
      'window reaches 09:00 is not ready in time: make the lead at least as long as boot plus ' +
      'warm-up.',
  };
}

const PREDICTIVE_FOCUS = ['policy', 'forecastLeadS', 'forecastDays'];

const predictiveSpike: Assignment = {
  id: 'as-predictive',
  kind: 'challenge',
  title: 'Be ready before nine',
  prompt:
    'Configure predictive scaling so that the 09:00 spike causes no errors and no second over ' +
    'the latency SLO. The check runs two days and grades day 2, so day 1 can serve as history.',
  fixed: pinAllBut(seedService, PREDICTIVE_FOCUS),
  focus: PREDICTIVE_FOCUS,
  setup: { ...seedService, policy: 'predictive', forecastLeadS: 60 },
  durationS: 2 * DAY,
  warmupS: DAY,
  check: checkPredictive,
};

// ---------------------------------------------------------------------------------------------
// (d) A hybrid that also survives a surge no history predicted.

/** The unforecast surge: 14:00 on day 2 (the run starts at 08:00 on day 1). */
export const SURPRISE_AT_S = DAY + 6 * 3600;
/**
 * SLO-violating seconds allowed on day 2. A surge that reaches its peak in one minute cannot
 * be met reactively in less than detection + boot + warm-up; the hybrid on requests per
 * instance measured 300-360 s, on CPU 540-700 s (CPU saturates at 100 % and hides how far
 * demand is over capacity), reactive target tracking alone about 1,700 s.
 */
export const HYBRID_SLO_BUDGET_S = 420;
/** Day 2 costs about $9.40 with the hybrid; keeping the peak fleet all day costs $36. */
export const HYBRID_COST_CAP = 10;

function checkHybrid(result: RunResult): Verdict {
  const a = autoscalerOf(result);
  if (!a) return noFigures;
  const figures =
    `On day 2 with ${named(a.policy)} on ${a.scalingMetric}: ${minutes(a.sloViolationS)} over ` +
    `the latency SLO, ${percent(failedShare(result))} of requests failed, cost ${dollars(a.cost)}.`;
  if (a.cost > HYBRID_COST_CAP) {
    return {
      pass: false,
      feedback: `${figures} That is over the ${dollars(HYBRID_COST_CAP)} budget: a large fixed fleet survives anything, but this task is about scaling.`,
    };
  }
  if (a.sloViolationS <= HYBRID_SLO_BUDGET_S) {
    return {
      pass: true,
      feedback:
        `${figures} The forecast covered 09:00, and the reactive part reacted to the 14:00 ` +
        `surge within about ${minutes(a.sloViolationS)}, which is close to the floor set by ` +
        'detection, boot and warm-up.',
    };
  }
  const hint =
    a.policy === 'predictive'
      ? ' Predictive scaling alone never reacts to demand its history did not show.'
      : a.policy !== 'predictive+reactive'
        ? ' A purely reactive policy pays the full delay at 09:00 as well as at 14:00.'
        : a.scalingMetric === 'cpu'
          ? ' CPU cannot go above 100 %, so each step only adds about 43 %: a metric that sees the whole surge sizes the fleet in one step.'
          : ' Look at how long detection takes: fewer evaluation periods react sooner.';
  return {
    pass: false,
    feedback: `${figures} The budget is ${minutes(HYBRID_SLO_BUDGET_S)}.${hint}`,
  };
}

const HYBRID_FOCUS = [
  'policy',
  'scalingMetric',
  'targetUtilization',
  'evaluationPeriods',
  'cooldownS',
  'forecastLeadS',
];

const hybridSurprise: Assignment = {
  id: 'as-hybrid',
  kind: 'challenge',
  title: 'The surge nobody forecast',
  prompt:
    'On day 2 a news story sends a surge to 1,000 req/s at 14:00, on top of the usual 09:00 ' +
    'spike. No history predicts it. Configure a policy that meets the morning spike with no ' +
    `errors and keeps day 2 within ${minutes(HYBRID_SLO_BUDGET_S)} over the latency SLO, for ` +
    `at most ${dollars(HYBRID_COST_CAP)}.`,
  fixed: pinAllBut({ ...seedService, surpriseAtS: SURPRISE_AT_S }, HYBRID_FOCUS),
  focus: HYBRID_FOCUS,
  setup: { ...seedService, policy: 'predictive', forecastLeadS: 600, surpriseAtS: SURPRISE_AT_S },
  durationS: 2 * DAY,
  warmupS: DAY,
  check: checkHybrid,
};

// ---------------------------------------------------------------------------------------------
// (e) Scheduled scaling as the alternative, and what it costs.

/**
 * A day's budget. The default schedule (08:45-10:15) with a minimum of 3 costs $9.11; a window
 * that starts at least boot + warm-up before 09:00 and ends soon after 10:02 costs about $8.75,
 * the same as predictive scaling with a 10-minute lead ($8.73).
 */
export const SCHEDULE_COST_CAP = 9;

function checkScheduled(result: RunResult): Verdict {
  const a = autoscalerOf(result);
  if (!a) return noFigures;
  const figures =
    `Over the day with ${named(a.policy)}: ${minutes(a.sloViolationS)} over the latency SLO, ` +
    `${whole(result.summary.requests.failed)} failed requests, ${a.instanceHours.toFixed(1)} ` +
    `instance-hours costing ${dollars(a.cost)}.`;
  if (a.policy !== 'scheduled') {
    return {
      pass: false,
      feedback: `${figures} This task asks for scheduled scaling: switch the policy to scheduled.`,
    };
  }
  if (a.sloViolationS > 0) {
    const why =
      a.minInstances * 100 <= 200
        ? ' Outside the scheduled hours the fleet is at its minimum: is the minimum enough for 200 req/s at 100 req/s per instance?'
        : ' Are the instances booted and warm by 09:00, and still there until the spike ends at 10:02?';
    return { pass: false, feedback: `${figures}${why}` };
  }
  if (a.cost > SCHEDULE_COST_CAP) {
    return {
      pass: false,
      feedback: `${figures} No violations, but over the ${dollars(SCHEDULE_COST_CAP)} budget: every scheduled minute outside the spike is paid for. Tighten the window.`,
    };
  }
  return {
    pass: true,
    feedback:
      `${figures} A schedule costs as little as a forecast when the spike is this regular, ` +
      'and needs no history. The price is that it is blind: the day the spike moves, the ' +
      'schedule serves an empty hour and misses the real one.',
  };
}

const SCHEDULE_FOCUS = [
  'policy',
  'scheduleStartHour',
  'scheduleEndHour',
  'scheduledInstances',
  'minInstances',
];

const scheduledAlternative: Assignment = {
  id: 'as-scheduled',
  kind: 'challenge',
  title: 'A schedule instead of a forecast',
  prompt:
    'Serve one day of the 09:00 spike with scheduled scaling alone: no second over the latency ' +
    `SLO all day, for at most ${dollars(SCHEDULE_COST_CAP)}. Set the schedule's hours, its ` +
    'capacity and the minimum for the rest of the day.',
  fixed: pinAllBut(seedService, SCHEDULE_FOCUS),
  focus: SCHEDULE_FOCUS,
  setup: { ...seedService, policy: 'scheduled', minInstances: 2 },
  durationS: DAY,
  warmupS: 0,
  check: checkScheduled,
};

// ---------------------------------------------------------------------------------------------
// (f) Calm a flapping loop.

/**
 * Six hours of noisy demand. With no cooldown, no stabilisation and one evaluation period the
 * fleet changed direction 60-64 times (seeds 1-2); a 300 s cooldown with 900 s of scale-in
 * stabilisation and three periods gives 8, at no more cost and no SLO violations.
 */
export const CALM_MAX_DIRECTION_CHANGES = 10;
export const CALM_COST_CAP = 7.5;
const CALM_SLO_BUDGET_S = 60;

function checkCalm(result: RunResult): Verdict {
  const a = autoscalerOf(result);
  if (!a) return noFigures;
  const figures =
    `In six hours: ${whole(a.directionChanges)} changes of direction ` +
    `(${whole(a.scaleOutEvents)} scale-outs, ${whole(a.scaleInEvents)} scale-ins), ` +
    `${minutes(a.sloViolationS)} over the SLO, cost ${dollars(a.cost)}.`;
  if (a.cost > CALM_COST_CAP) {
    return {
      pass: false,
      feedback: `${figures} Over the ${dollars(CALM_COST_CAP)} budget: holding a big fleet stops the flapping by paying for idle instances.`,
    };
  }
  if (a.sloViolationS > CALM_SLO_BUDGET_S) {
    return {
      pass: false,
      feedback: `${figures} Calm, but users paid for it: the loop now reacts too slowly to the rises.`,
    };
  }
  if (a.directionChanges <= CALM_MAX_DIRECTION_CHANGES) {
    return {
      pass: true,
      feedback:
        `${figures} The cooldown lets each action take effect before the next decision, and ` +
        'stabilisation only scales in when demand has stayed low for the whole window, so ' +
        'short dips in noisy demand no longer pull instances away that are needed a minute later.',
    };
  }
  return {
    pass: false,
    feedback:
      `${figures} At most ${CALM_MAX_DIRECTION_CHANGES} are allowed. Each scale-in removes an ` +
      'instance that the next noisy minute wants back, and each launch takes minutes to help: ' +
      'give the loop time to see the effect of what it did.',
  };
}

const CALM_FOCUS = ['cooldownS', 'scaleInStabilizationS', 'evaluationPeriods'];

const calmLoop: Assignment = {
  id: 'as-calm',
  kind: 'challenge',
  title: 'Stop the flapping',
  prompt:
    'Demand wanders around a daily curve. With no cooldown, no scale-in stabilisation and a ' +
    'single evaluation period, the fleet grows and shrinks all day. Tune the delays of the ' +
    `loop until the fleet changes direction at most ${CALM_MAX_DIRECTION_CHANGES} times in six ` +
    `hours, with at most ${CALM_SLO_BUDGET_S} s over the SLO and a cost of at most ` +
    `${dollars(CALM_COST_CAP)}.`,
  fixed: pinAllBut({ ...seedService, demandPattern: 'noisy', noisePct: 15 }, CALM_FOCUS),
  focus: CALM_FOCUS,
  setup: {
    ...seedService,
    demandPattern: 'noisy',
    cooldownS: 0,
    scaleInStabilizationS: 0,
    evaluationPeriods: 1,
  },
  durationS: 6 * 3600,
  warmupS: 0,
  check: checkCalm,
};

// ---------------------------------------------------------------------------------------------
// (g) and (h) The wrong metric: a shared database pool is the bottleneck.

/** Demand steps from 200 to 500 req/s at 10 minutes; the pool of 40 serves about 385 req/s. */
export const wrongMetricScenario: Params = {
  ...seedService,
  demandPattern: 'step',
  stepAtS: 600,
  baseRps: 200,
  peakRps: 500,
  instanceCapacity: 300,
  minInstances: 3,
  maxInstances: 40,
  dbBottleneck: true,
  dbPoolSize: 40,
  dbQueryMs: 100,
  dbContentionPct: 2,
  policy: 'target-tracking',
};

const cpuOnPool: Assignment = {
  id: 'as-wrong-metric-predict',
  kind: 'prediction',
  title: 'CPU and the database pool',
  prompt:
    'Demand steps from 200 to 500 req/s. Each instance handles 300 req/s of CPU work, but every ' +
    'request also needs a connection from one shared database pool that can finish about 385 ' +
    'queries a second. The autoscaler tracks 70 % CPU.\n\nWhat happens in the next two hours?',
  options: [
    {
      id: 'recovers',
      label: 'It scales out and latency recovers',
      explanation: 'Only if the metric saw the problem and more instances could fix it.',
    },
    {
      id: 'scales-no-help',
      label: 'It scales out, but latency stays high',
      explanation: 'That is what a metric that tracks the queue does here.',
    },
    {
      id: 'never-scales',
      label: 'It never scales out, while latency climbs to the timeout',
      explanation:
        'CPU only measures the work the instances do; requests waiting for a connection use none.',
    },
  ],
  params: { ...wrongMetricScenario, scalingMetric: 'cpu' },
  durationS: 7200,
  warmupS: 0,
  outcome(result) {
    const a = autoscalerOf(result);
    if (!a) return { optionId: 'recovers', evidence: 'The run reported no autoscaler figures.' };
    const p99 = result.summary.latencyMs.p99;
    const evidence =
      `${whole(a.scaleOutEvents)} scale-outs (at most ${whole(a.maxInstances)} instances), p99 ` +
      `latency ${whole(p99)} ms, ${percent(failedShare(result))} of requests failed, ` +
      `${minutes(a.sloViolationS)} over the SLO.`;
    if (a.scaleOutEvents === 0) return { optionId: 'never-scales', evidence };
    return { optionId: a.sloViolationS > 600 ? 'scales-no-help' : 'recovers', evidence };
  },
};

/** After the step, the SLO must hold for all but this many seconds (the fix takes effect at once). */
export const POOL_SLO_BUDGET_S = 60;

function checkPoolFix(result: RunResult): Verdict {
  const a = autoscalerOf(result);
  if (!a) return noFigures;
  const figures =
    `Scaling on ${a.scalingMetric}: ${whole(a.scaleOutEvents)} scale-outs, up to ` +
    `${whole(a.maxInstances)} instances, p99 ${whole(result.summary.latencyMs.p99)} ms, ` +
    `${percent(failedShare(result))} failed, ${minutes(a.sloViolationS)} over the SLO.`;
  if (a.sloViolationS <= POOL_SLO_BUDGET_S) {
    return {
      pass: true,
      feedback:
        `${figures} The bottleneck was the pool, so the fix had to be there. The metric that ` +
        'tracks it is latency or queue depth: they rise when the pool saturates, which makes ' +
        'them good alarms here, but their cure is not more instances.',
    };
  }
  const worse =
    a.maxInstances > 10
      ? ' More instances made each query slower (every instance adds contention on the pool), so scaling out made the queue grow faster.'
      : ' The fleet is not the bottleneck, so no scaling metric can fix this.';
  return {
    pass: false,
    feedback: `${figures}${worse} What limits the requests per second the whole system can finish?`,
  };
}

const POOL_FOCUS = ['scalingMetric', 'targetQueueDepth', 'targetLatencyMs', 'dbPoolSize'];

const poolFix: Assignment = {
  id: 'as-wrong-metric-fix',
  kind: 'challenge',
  title: 'Find the real bottleneck',
  prompt:
    'Same service, same step to 500 req/s. Try scaling on each metric and watch which one ' +
    'reacts to the problem. Then make the service meet its latency SLO again: at most ' +
    `${POOL_SLO_BUDGET_S} s over it in two hours.`,
  fixed: pinAllBut(wrongMetricScenario, POOL_FOCUS),
  focus: POOL_FOCUS,
  setup: { ...wrongMetricScenario, scalingMetric: 'cpu' },
  durationS: 7200,
  warmupS: 0,
  check: checkPoolFix,
};

// ---------------------------------------------------------------------------------------------
// (i) The seed's question 2, in the learner's words.

const predictivePlan: Assignment = {
  id: 'as-predictive-plan',
  kind: 'reflection',
  title: 'A plan for the spike',
  prompt:
    'Write the proposal you would send your team: how predictive scaling would handle the ' +
    'daily 09:00 spike. What data does the forecast need, how far ahead must it provision and ' +
    'why, and what protects you on the day the forecast is wrong?',
  modelAnswer:
    'The forecast needs request counts per minute (or per-instance load) for at least the last ' +
    'few days, better two weeks, so that the 09:00 pattern and weekday differences show. It ' +
    'must launch capacity at least boot plus warm-up before the spike (three minutes here, more ' +
    'with a margin for a slow boot), sized for the peak at the target utilisation ' +
    '(1,000 / 70 = 15 instances). A reactive policy stays on alongside it, so a spike that is ' +
    'larger, earlier or entirely new still gets capacity, only later; and the forecast should ' +
    'be checked against actual demand so a drifting pattern is noticed.',
  rubric: [
    'Names the history the forecast is built from (per-minute demand over previous days).',
    'Sets the lead time from boot plus warm-up, not from detection.',
    'Sizes the capacity from peak demand, per-instance capacity and the target.',
    'Keeps a reactive policy as a safety net for unforecast demand.',
  ],
};

export const assignments: readonly Assignment[] = [
  namedDelays,
  firstFullSpeed,
  predictiveSpike,
  hybridSurprise,
  scheduledAlternative,
  calmLoop,
  cpuOnPool,
  poolFix,
  predictivePlan,
];
