// The same scenario and seed give the same summary, byte for byte, in Node (the headless
// runner's code path) and in the browser's Web Worker, reached through the `?e2e` test hook.
import { expect, test } from '@playwright/test';
import { runScenario } from '../src/sim/run.ts';
import { validateScenario, type Scenario } from '../src/sim/scenario.ts';
import { lessonModels } from '../src/lessons/modelRegistry.ts';

const scenarios: unknown[] = [
  {
    lesson: 'load-balancing',
    seed: 42,
    durationS: 300,
    warmupS: 30,
    params: { algorithm: 'least-response-time', serviceTimeDistribution: 'lognormal' },
  },
  {
    lesson: 'load-balancing',
    seed: 7,
    durationS: 300,
    warmupS: 30,
    params: { algorithm: 'consistent-hash', failServerIndex: 1, failAtS: 50, natShare: 0.2 },
  },
  {
    lesson: 'load-balancing',
    seed: 3,
    durationS: 200,
    warmupS: 20,
    params: { serverProfile: 'mixed', algorithm: 'weighted-least-connections' },
    changes: [
      { tS: 80, name: 'arrivalRate', value: 120 },
      { tS: 120, name: 'algorithm', value: 'random' },
    ],
  },
];

test('Worker and Node agree byte for byte on seeded runs', async ({ page }) => {
  await page.goto('/lessons/load-balancing?e2e&paused');
  await page.waitForFunction(
    () => 'session' in ((window as unknown as { __lab?: object }).__lab ?? {}),
  );
  for (const raw of scenarios) {
    const checked = validateScenario(raw, lessonModels);
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    const scenario: Scenario = checked.scenario;
    const def = lessonModels.get(scenario.lesson);
    if (!def) throw new Error('lesson not registered');
    const inNode = JSON.stringify(runScenario(def, scenario));
    const inWorker = await page.evaluate(async (s) => {
      const lab = (
        window as unknown as {
          __lab: {
            session: {
              runToEnd(x: unknown): Promise<unknown>;
              store: { getState(): { mode: string } };
            };
          };
        }
      ).__lab;
      return {
        mode: lab.session.store.getState().mode,
        json: JSON.stringify(await lab.session.runToEnd(s)),
      };
    }, scenario);
    expect(inWorker.mode).toBe('worker');
    expect(inWorker.json).toBe(inNode);
  }
});
