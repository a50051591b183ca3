// A simulation challenge: names the parameters to change, loads a starting point, and checks
// the learner's configuration by running it to the end and reading the result.
import { challengeScenario } from '../../sim/assignments.ts';
import type { ChallengeAssignment } from '../../sim/assignments.ts';
import { allParams } from '../../sim/params.ts';
import type { ParamGroup, ParamSpec, ParamValue } from '../../sim/params.ts';
import type { RunResult, Scenario } from '../../sim/scenario.ts';
import { Feedback } from './shared.tsx';
import type { BodyProps } from './shared.tsx';
import { useSimulationRun } from './useSimulationRun.ts';

export interface ChallengeBodyProps extends BodyProps<ChallengeAssignment> {
  readonly lessonId: string;
  readonly seed: number;
  readonly currentParams: Readonly<Record<string, ParamValue>>;
  readonly runScenario: (scenario: Scenario) => Promise<RunResult>;
  readonly onSetup?: ((params: Readonly<Record<string, ParamValue>>) => void) | undefined;
  readonly paramGroups?: readonly ParamGroup[] | undefined;
}

/** "Label = value" for a parameter, using the schema's label and unit when known. */
function describe(spec: ParamSpec | undefined, name: string, value: ParamValue): string {
  if (!spec) return `${name} = ${String(value)}`;
  if (spec.kind === 'select') {
    return `${spec.label}: ${spec.options.find((o) => o.value === value)?.label ?? String(value)}`;
  }
  if (spec.kind === 'number')
    return `${spec.label}: ${String(value)}${spec.unit ? ` ${spec.unit}` : ''}`;
  return `${spec.label}: ${value === '' ? '(empty)' : String(value)}`;
}

/** The challenge's controls and its feedback. */
export function ChallengeBody(props: ChallengeBodyProps) {
  const { assignment: a, record, save, lessonId, seed, currentParams, onSetup } = props;
  const { pending, error, run } = useSimulationRun(props.runScenario);
  const specs = new Map(allParams(props.paramGroups ?? []).map((p) => [p.name, p]));
  // Settings at their defaults go unmentioned; a learner needs to see what is unusual.
  const fixed = Object.entries(a.fixed).filter(
    ([name, value]) => specs.get(name)?.default !== value,
  );
  const label = (name: string) => specs.get(name)?.label ?? name;

  const check = async (): Promise<void> => {
    const scenario = challengeScenario(lessonId, seed, a, currentParams);
    const verdict = await run(scenario, (result) => a.check(result));
    if (!verdict) return;
    save({ status: verdict.pass ? 'passed' : 'failed', feedback: verdict.feedback, scenario });
  };

  return (
    <>
      {a.focus.length > 0 && (
        <p>
          Parameters to change:{' '}
          {a.focus.map((name, i) => (
            <span key={name}>
              {i > 0 && ', '}
              <strong>{label(name)}</strong>
            </span>
          ))}
        </p>
      )}
      <p className="assignment__run-note">
        The check runs {a.durationS} s of simulated time with seed {seed}, ignoring the first{' '}
        {a.warmupS} s
        {fixed.length > 0 && (
          <>
            , with these settings fixed:{' '}
            {fixed.map(([name, value]) => describe(specs.get(name), name, value)).join('; ')}
          </>
        )}
        {specs.size > 0 && ' (any other fixed setting at its default)'}.
      </p>
      {/* aria-disabled, not disabled, while a check runs: a disabled button drops keyboard
          focus to the page, and the learner would have to find their place again. */}
      <div className="assignment__actions">
        {onSetup && (
          <button
            type="button"
            onClick={() => {
              if (!pending) onSetup(a.setup);
            }}
            aria-disabled={pending}
          >
            Set up
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            if (!pending) void check();
          }}
          aria-disabled={pending}
        >
          Check my configuration
        </button>
      </div>
      <Feedback pending={pending} error={error} record={record} />
    </>
  );
}
