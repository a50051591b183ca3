// The in-process client (the fallback when a Worker cannot start) runs the same host and
// must give exactly the result the headless runner gives for the same scenario and seed.
import { describe, expect, it } from 'vitest';
import { InProcessSimClient } from './simClient.ts';
import { runScenario } from '../sim/run.ts';
import { validateScenario } from '../sim/scenario.ts';
import { lessonModels } from '../lessons/modelRegistry.ts';
import { loadBalancingModel } from '../lessons/load-balancing/model/definition.ts';

describe('InProcessSimClient', () => {
  it('grades a scenario with a byte-identical result to the Node runner', async () => {
    const checked = validateScenario(
      {
        lesson: 'load-balancing',
        seed: 11,
        durationS: 120,
        warmupS: 10,
        params: { algorithm: 'power-of-two', servers: 8, arrivalRate: 120 },
      },
      lessonModels,
    );
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    const client = new InProcessSimClient();
    const { result } = await client.runToEnd(checked.scenario);
    client.dispose();
    expect(JSON.stringify(result)).toBe(
      JSON.stringify(runScenario(loadBalancingModel, checked.scenario)),
    );
  });

  it('rejects a bad scenario with the validator’s message', async () => {
    const client = new InProcessSimClient();
    await expect(
      client.runToEnd({
        lesson: 'load-balancing',
        seed: 1,
        durationS: 10,
        warmupS: 0,
        params: { servers: 0 },
      }),
    ).rejects.toThrow(/params.servers/);
    client.dispose();
  });
});
