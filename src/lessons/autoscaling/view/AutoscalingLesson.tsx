// The autoscaling lesson page: the simulated clock with ways to move through days, the animated
// fleet and its readout, the scaling loop with its delays and live oscillation figures, the log
// of scaling actions and live charts, for one or two lanes (compare mode), with the shared
// controls column (speeds up to two hours a second) and the assignments.
import { useCallback } from 'react';
import type { LessonViewProps } from '../../types.ts';
import { LessonLayout } from '../../../components/LessonLayout.tsx';
import { useLessonSession, useSession } from '../../../state/useLessonSession.ts';
import type { LessonSession } from '../../../state/lessonSession.ts';
import { formatMetric, metricName } from '../../../sim/blocks/autoscaling/policy.ts';
import { optionLabel, type ParamValue } from '../../../sim/params.ts';
import type { LaneSnapshot } from '../../../sim/worker/protocol.ts';
import { autoscalingSchema } from '../model/schema.ts';
import type { ScalingMetric } from '../model/params.ts';
import { assignments } from '../model/assignments.ts';
import { presets } from '../model/presets.ts';
import { content } from '../model/content.ts';
import { ActionLog } from './ActionLog.tsx';
import { AsCharts } from './AsCharts.tsx';
import { timeOfDayText } from './clock.ts';
import { FleetCanvas } from './FleetCanvas.tsx';
import { LoopDiagram } from './LoopDiagram.tsx';
import { TimeControls } from './TimeControls.tsx';
import './autoscaling.css';

type Params = Readonly<Record<string, ParamValue>>;

/** Playback speeds: real time up to two simulated hours per second (a day in 12 s). */
export const AUTOSCALING_SPEEDS: readonly number[] = [
  1, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200,
];
/** The spike at 09:00 comes about 30 s after opening the lesson. */
const START_SPEED = 120;

const label = (name: string, v: ParamValue | undefined) =>
  optionLabel(autoscalingSchema.paramGroups, name, v);

export default function AutoscalingLesson({ lesson, embedded }: LessonViewProps) {
  const session = useLessonSession(autoscalingSchema, embedded, START_SPEED);
  return (
    <>
      <h1>{lesson.title}</h1>
      <p className="lesson-hook">{content.hook}</p>
      {session ? <LessonBody session={session} /> : <p role="status">Starting the simulation…</p>}
    </>
  );
}

function LessonBody({ session }: { session: LessonSession }) {
  const s = useSession(session, (st) => ({
    params: st.params,
    paramsB: st.paramsB,
    compare: st.compare,
    lanes: st.lanes,
    simTimeS: st.simTimeS,
  }));
  const startHour = Number(s.params.startHour);
  const clockText = useCallback((t: number) => timeOfDayText(t, startHour), [startHour]);
  const lanes = s.compare
    ? [
        { lane: 0, params: s.params, prefix: 'A: ', name: 'A' },
        { lane: 1, params: s.paramsB, prefix: 'B: ', name: 'B' },
      ]
    : [{ lane: 0, params: s.params, prefix: '', name: '' }];
  const two = s.compare ? 'lane-grid lane-grid--two' : 'lane-grid';

  return (
    <LessonLayout
      session={session}
      schema={autoscalingSchema}
      content={content}
      diagramLabel="Diagram: demand reaches a load balancer and the instances in service; their metric is measured once per period, the autoscaler decides, new instances boot and warm up before they join, removed ones drain; with the pool switched on, every request also waits for a shared database connection."
      assignments={assignments}
      presets={presets}
      speeds={AUTOSCALING_SPEEDS}
      clockText={clockText}
    >
      <TimeControls session={session} nowS={s.simTimeS} startHour={startHour} />
      <div className={two}>
        {lanes.map((l) => (
          <section
            key={l.lane}
            className="panel"
            aria-label={s.compare ? `Configuration ${l.name}` : 'Simulation'}
          >
            {s.compare && (
              <h2>
                Configuration {l.name}: {laneTitle(l.params)}
              </h2>
            )}
            <FleetCanvas
              session={session}
              lane={l.lane}
              delays={{
                bootS: Number(l.params.provisioningDelayS),
                warmS: Number(l.params.instanceWarmupS),
                drainS: Number(l.params.drainS),
              }}
              label={`The fleet under ${laneTitle(l.params)}: requests flow from the users through the balancer and its queue to the instances, drawn as boxes: booting (dashed, with a progress bar), warming (tinted), serving (filled up to their CPU) and draining (hatched). The figures under the picture give the same numbers.`}
            />
            <Readout snapshot={s.lanes[l.lane]} params={l.params} />
          </section>
        ))}
      </div>
      <div className={two}>
        {lanes.map((l) => (
          <LoopDiagram
            key={l.lane}
            snapshot={s.lanes[l.lane]}
            params={l.params}
            heading={`${l.prefix}The scaling loop and its delays`}
          />
        ))}
      </div>
      <div className={two}>
        {lanes.map((l) => (
          <ActionLog
            key={l.lane}
            snapshot={s.lanes[l.lane]}
            params={l.params}
            heading={`${l.prefix}Scaling actions`}
          />
        ))}
      </div>
      {lanes.map((l) => (
        <AsCharts key={l.lane} snapshot={s.lanes[l.lane]} params={l.params} prefix={l.prefix} />
      ))}
    </LessonLayout>
  );
}

function laneTitle(params: Params): string {
  return `${label('policy', params.policy)} on ${label('scalingMetric', params.scalingMetric)}`;
}

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function Readout({ snapshot, params }: { snapshot: LaneSnapshot | undefined; params: Params }) {
  const v = snapshot?.values ?? {};
  const metric = String(params.scalingMetric) as ScalingMetric;
  const nowS = snapshot?.nowS ?? 0;
  return (
    <dl className="readout" aria-label="Run figures">
      <div>
        <dt>Time of day</dt>
        <dd>{timeOfDayText(nowS, Number(params.startHour))}</dd>
      </div>
      <div>
        <dt>Simulated time</dt>
        <dd>{Math.floor(nowS)} s</dd>
      </div>
      <div>
        <dt>Demand</dt>
        <dd>{fmt.format(v.demandRps ?? 0)} req/s</dd>
      </div>
      <div>
        <dt>Capacity</dt>
        <dd>{fmt.format(v.capacityRps ?? 0)} req/s</dd>
      </div>
      <div>
        <dt>Instances</dt>
        <dd>
          {fmt.format(v.inService ?? 0)} serving, {fmt.format(v.warming ?? 0)} warming,{' '}
          {fmt.format(v.booting ?? 0)} booting
        </dd>
      </div>
      <div>
        <dt>{metricName(metric)}</dt>
        <dd>
          {formatMetric(metric, v.metric ?? NaN)} (target{' '}
          {formatMetric(metric, v.metricTarget ?? NaN)})
        </dd>
      </div>
      <div>
        <dt>p99 latency</dt>
        <dd>{fmt.format(v.p99Ms ?? 0)} ms</dd>
      </div>
      <div>
        <dt>Errors</dt>
        <dd>{fmt.format(v.failedRps ?? 0)} req/s</dd>
      </div>
      <div>
        <dt>Failed so far</dt>
        <dd>{fmt.format(v.failed ?? 0)}</dd>
      </div>
    </dl>
  );
}
