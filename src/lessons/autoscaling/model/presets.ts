// Presets for the autoscaling lesson: each sets every parameter (defaults underneath), so
// nothing lingers from the previous preset, and shows one idea about the scaling loop.
import { presetMaker, type LessonPreset } from '../../../sim/presets.ts';
import { paramGroups } from './params.ts';

const preset = presetMaker(paramGroups);

/** A step from 200 to 1,000 req/s ten minutes in: one clean jump to watch the loop answer. */
const step = { demandPattern: 'step', baseRps: 200, peakRps: 1000, stepAtS: 600 } as const;

export const presets: readonly LessonPreset[] = [
  preset(
    'seed-spike',
    'Seed assignment: 5x spike at 09:00',
    'The defaults: 200 req/s jumps to 1,000 at 09:00 every day; target tracking on CPU at 70 %, three one-minute periods to notice, 2 minutes to boot and 1 to warm up. Errors pile up before the new instances help.',
    {},
  ),
  preset(
    'no-cooldown',
    'No cooldown: overshoot',
    'The same jump as a step, with the cooldown at zero. Each minute CPU still reads high because the new instances are still booting, so the autoscaler launches more on top: the fleet shoots far past the 15 instances the peak needs.',
    { ...step, cooldownS: 0 },
  ),
  preset(
    'calm-loop',
    'Calm loop',
    'The same step, deciding after one period instead of three, with a 5-minute cooldown: longer than the 3 minutes a new instance needs to boot and warm up, so each action is seen working before the next. No overshoot, no reversals.',
    { ...step, evaluationPeriods: 1, cooldownS: 300 },
  ),
  preset(
    'rps-per-instance',
    'Scale on requests per instance',
    'The morning spike again, measured as requests per serving instance. Unlike CPU, which cannot read above 100 %, this metric shows the whole size of the spike, so target tracking asks for all 15 instances in one action.',
    { scalingMetric: 'rps-per-instance' },
  ),
  preset(
    'predictive',
    'Predictive for the morning spike',
    'Predictive plus reactive, launching for the forecast peak 10 minutes ahead, more than boot plus warm-up. Day 1 has no history and suffers as before; from day 2 the fleet is ready before 09:00 and the spike passes without errors.',
    { policy: 'predictive+reactive', forecastLeadS: 600 },
  ),
  preset(
    'scheduled',
    'Scheduled capacity',
    '15 instances every day from 08:45 to 10:15 and 3 the rest of the time, with no metric at all. The spike passes cleanly, but the extra instances are paid for whether the spike comes or not.',
    {
      policy: 'scheduled',
      minInstances: 3,
      scheduleStartHour: 8.75,
      scheduleEndHour: 10.25,
      scheduledInstances: 15,
    },
  ),
  preset(
    'wrong-metric',
    'Wrong metric: database pool',
    'Demand steps from 200 to 500 req/s, and every request also needs one of 40 connections in a shared database pool. The pool is the bottleneck: CPU sits near 55 %, below its 70 % target, while p99 reaches the 10 s timeout. The autoscaler never acts.',
    {
      demandPattern: 'step',
      baseRps: 200,
      peakRps: 500,
      stepAtS: 600,
      instanceCapacity: 300,
      minInstances: 3,
      dbBottleneck: true,
      scalingMetric: 'cpu',
    },
  ),
  preset(
    'flapping',
    'Flapping: short cooldown on noisy demand',
    'Wandering, noisy demand with no cooldown, no scale-in stabilisation and a decision on every single one-minute datapoint. The fleet chases every wobble: hundreds of actions a day, many of them reversing the one before.',
    {
      demandPattern: 'noisy',
      cooldownS: 0,
      scaleInStabilizationS: 0,
      evaluationPeriods: 1,
    },
  ),
];
