// The scaling loop as an ordered list of its five stages (measure, decide, provision, warm up,
// absorb load), each with the delay it adds at the current settings and what it is doing now;
// the stage the loop is busy with is highlighted. Below it, the live oscillation and cost figures.
import type { ParamValue } from '../../../sim/params.ts';
import { formatMetric, metricName } from '../../../sim/blocks/autoscaling/policy.ts';
import { optionLabel } from '../../../sim/params.ts';
import type { LaneSnapshot } from '../../../sim/worker/protocol.ts';
import { autoscalingSchema } from '../model/schema.ts';
import type { ScalingMetric } from '../model/params.ts';
import { durationText } from './clock.ts';

type Params = Readonly<Record<string, ParamValue>>;

export type StageId = 'measure' | 'decide' | 'provision' | 'warm' | 'absorb';

interface Stage {
  readonly id: StageId;
  readonly name: string;
  readonly delay: string;
  readonly now: string;
  readonly busy: boolean;
}

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The stage to highlight: the earliest part of the loop that still has work under way. */
export function activeStage(v: Readonly<Record<string, number>>): StageId {
  if ((v.booting ?? 0) > 0) return 'provision';
  if ((v.warming ?? 0) > 0) return 'warm';
  if ((v.cooldownLeftS ?? 0) > 0) return 'decide';
  if ((v.capacityRps ?? 0) < (v.demandRps ?? 0)) return 'measure';
  return 'absorb';
}

export function loopStages(params: Params, v: Readonly<Record<string, number>>): Stage[] {
  const metric = String(params.scalingMetric) as ScalingMetric;
  const periodS = Number(params.metricPeriodS);
  const periods = Number(params.evaluationPeriods);
  const bootS = Number(params.provisioningDelayS);
  const warmS = Number(params.instanceWarmupS);
  const cooldownS = Number(params.cooldownS);
  const stabS = Number(params.scaleInStabilizationS);
  const nextIn = Math.max(0, periodS - (v.periodElapsedS ?? 0));
  const cooldownLeft = v.cooldownLeftS ?? 0;
  const demand = v.demandRps ?? 0;
  const capacity = v.capacityRps ?? 0;
  return [
    {
      id: 'measure',
      name: 'Measure',
      delay: `metric period ${periodS} s × ${periods} evaluation ${periods === 1 ? 'period' : 'periods'} = ${durationText(periodS * periods)} to notice`,
      now: `${metricName(metric)} ${formatMetric(metric, v.metric ?? NaN)}; next datapoint in ${Math.ceil(nextIn)} s`,
      busy: capacity < demand,
    },
    {
      id: 'decide',
      name: 'Decide',
      delay: `${optionLabel(autoscalingSchema.paramGroups, 'policy', params.policy)}; cooldown ${durationText(cooldownS)}; scale-in stabilisation ${durationText(stabS)}`,
      now: cooldownLeft > 0 ? `cooling down: ${durationText(cooldownLeft)} left` : 'free to act',
      busy: cooldownLeft > 0,
    },
    {
      id: 'provision',
      name: 'Provision',
      delay: `boot ${durationText(bootS)}`,
      now: `${fmt.format(v.booting ?? 0)} booting`,
      busy: (v.booting ?? 0) > 0,
    },
    {
      id: 'warm',
      name: 'Warm up',
      delay: `warm-up ${durationText(warmS)} at half speed`,
      now: `${fmt.format(v.warming ?? 0)} warming`,
      busy: (v.warming ?? 0) > 0,
    },
    {
      id: 'absorb',
      name: 'Absorb load',
      delay: `total delay ${durationText(periodS * periods + bootS + warmS)} from a jump to full capacity`,
      now: `${fmt.format(v.inService ?? 0)} serving: ${fmt.format(capacity)} of ${fmt.format(demand)} req/s`,
      busy: capacity >= demand,
    },
  ];
}

function settleText(v: Readonly<Record<string, number>>): string {
  const s = v.secondsToSettle;
  if (s !== undefined && Number.isFinite(s)) return durationText(s);
  return 'not settled (or no jump in demand yet)';
}

function overshootText(v: Readonly<Record<string, number>>): string {
  const pct = v.overshootPct ?? 0;
  const most = `${fmt.format(v.maxActive ?? 0)} at most, ideal ${fmt.format(v.idealAtPeak ?? 0)}`;
  return pct > 0 ? `+${fmt.format(pct)} % (${most})` : `none (${most})`;
}

interface Props {
  readonly snapshot: LaneSnapshot | undefined;
  readonly params: Params;
  readonly heading: string;
}

export function LoopDiagram({ snapshot, params, heading }: Props) {
  const v = snapshot?.values ?? {};
  const stages = loopStages(params, v);
  const active = activeStage(v);
  return (
    <section className="panel as-loop" aria-label={heading}>
      <h2>{heading}</h2>
      <ol className="as-loop-stages">
        {stages.map((s) => (
          <li
            key={s.id}
            className={`as-loop-stage${s.id === active ? ' is-active' : ''}${s.busy ? ' is-busy' : ''}`}
            aria-current={s.id === active ? 'step' : undefined}
          >
            <span className="as-loop-name">{s.name}</span>
            <span className="as-loop-delay">{s.delay}</span>
            <span className="as-loop-now">{s.now}</span>
          </li>
        ))}
      </ol>
      <p className="as-loop-return" aria-hidden="true">
        ↺ the new capacity changes the metric, and the loop measures again
      </p>
      <dl className="readout as-figures" aria-label="Oscillation and cost">
        <div>
          <dt>Direction changes</dt>
          <dd>{fmt.format(v.directionChanges ?? 0)}</dd>
        </div>
        <div>
          <dt>Overshoot</dt>
          <dd>{overshootText(v)}</dd>
        </div>
        <div>
          <dt>Time to settle (so far)</dt>
          <dd>{settleText(v)}</dd>
        </div>
        <div>
          <dt>SLO violated</dt>
          <dd>{durationText(v.sloViolationS ?? 0)}</dd>
        </div>
        <div>
          <dt>Under-provisioned</dt>
          <dd>{durationText(v.underProvisionedS ?? 0)}</dd>
        </div>
        <div>
          <dt>Scale-outs / scale-ins</dt>
          <dd>
            {fmt.format(v.scaleOutEvents ?? 0)} / {fmt.format(v.scaleInEvents ?? 0)}
          </dd>
        </div>
        <div>
          <dt>Cost so far</dt>
          <dd>
            ${(v.cost ?? 0).toFixed(2)} ({fmt.format(v.instanceHours ?? 0)} instance-hours)
          </dd>
        </div>
      </dl>
    </section>
  );
}
