// Runs one grading scenario for an assignment: tracks the pending state, turns a rejected run
// or a throwing check into a message, and ignores a second click while a run is out.
import { useCallback, useRef, useState } from 'react';
import type { RunResult, Scenario } from '../../sim/scenario.ts';

/** What an assignment needs to run and grade a scenario. */
export interface SimulationRun {
  readonly pending: boolean;
  readonly error: string | null;
  /** Runs `scenario` and grades it; resolves to null (with `error` set) if either step fails. */
  run<T>(scenario: Scenario, grade: (result: RunResult) => T): Promise<T | null>;
  clearError(): void;
}

function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.trim() === '' ? 'unknown error' : text;
}

/** State and a `run` function for one assignment's simulation. */
export function useSimulationRun(
  runScenario: (scenario: Scenario) => Promise<RunResult>,
): SimulationRun {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const run = useCallback(
    async <T>(scenario: Scenario, grade: (result: RunResult) => T): Promise<T | null> => {
      if (busy.current) return null;
      busy.current = true;
      setPending(true);
      setError(null);
      try {
        return grade(await runScenario(scenario));
      } catch (e) {
        setError(`The simulation could not finish: ${messageOf(e)}`);
        return null;
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [runScenario],
  );
  const clearError = useCallback(() => setError(null), []);
  return { pending, error, run, clearError };
}
