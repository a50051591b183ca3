// Least response time must not starve a server forever because of one slow request: the
// balancer's memory of a response time fades with time (regression, found by calibration).
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../sim/scenario.ts';
import { runScenario } from '../../../sim/run.ts';
import { loadBalancingModel } from './definition.ts';
import type { ServerSummary } from './summary.ts';

const models = new Map([[loadBalancingModel.id, loadBalancingModel]]);

function run(algorithm: string, seed: number) {
  const v = validateScenario(
    {
      lesson: 'load-balancing',
      seed,
      durationS: 600,
      warmupS: 60,
      params: {
        algorithm,
        servers: 10,
        serviceTimeDistribution: 'bimodal',
        serviceTimeMs: 60,
        arrivalRate: 50,
      },
    },
    models,
  );
  if (!v.ok) throw new Error(v.problems.join('; '));
  return runScenario(loadBalancingModel, v.scenario).summary;
}

describe('least-response-time with 10 ms / 5 s requests at 30 % load', () => {
  it.each([1, 2, 3])('keeps every server in use and rejects nothing (seed %i)', (seed) => {
    const s = run('least-response-time', seed);
    const shares = (s.servers as ServerSummary[]).map((x) => x.share);
    expect(Math.min(...shares)).toBeGreaterThan(0.03);
    expect(s.requests.rejected).toBe(0);
  });
});
