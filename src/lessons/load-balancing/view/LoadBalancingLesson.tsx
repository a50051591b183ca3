// The load-balancing lesson page: text, the animated topology, live charts and readouts for
// one or two lanes (compare mode), the shared controls column and the assignments.
import { useCallback } from 'react';
import type { LessonViewProps } from '../../types.ts';
import { LessonLayout } from '../../../components/LessonLayout.tsx';
import { useLessonSession, useSession } from '../../../state/useLessonSession.ts';
import type { LessonSession } from '../../../state/lessonSession.ts';
import { optionLabel, type ParamValue } from '../../../sim/params.ts';
import { loadBalancingSchema } from '../model/schema.ts';
import { serverName } from '../model/servers.ts';
import { assignments } from '../model/assignments.ts';
import { presets } from '../model/presets.ts';
import { content } from '../model/content.ts';
import { TopologyCanvas } from './TopologyCanvas.tsx';
import { LbCharts } from './LbCharts.tsx';
import { LaneReadout } from './LaneReadout.tsx';

/** The label the parameter panel shows for an algorithm id. */
const algorithmLabel = (id: ParamValue | undefined): string =>
  optionLabel(loadBalancingSchema.paramGroups, 'algorithm', id);

export default function LoadBalancingLesson({ lesson, embedded }: LessonViewProps) {
  const session = useLessonSession(loadBalancingSchema, embedded);
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
  }));
  const profileA = String(s.params.serverProfile);
  const profileB = String(s.paramsB.serverProfile);
  const nameA = useCallback((i: number) => serverName(profileA, i), [profileA]);
  const nameB = useCallback((i: number) => serverName(profileB, i), [profileB]);
  const lanes = s.compare
    ? [
        { lane: 0, params: s.params, name: nameA, prefix: 'A: ' },
        { lane: 1, params: s.paramsB, name: nameB, prefix: 'B: ' },
      ]
    : [{ lane: 0, params: s.params, name: nameA, prefix: '' }];

  return (
    <LessonLayout
      session={session}
      schema={loadBalancingSchema}
      content={content}
      diagramLabel="Diagram: clients send requests to a load balancer, which health-checks and routes to servers, each with slots and a queue."
      assignments={assignments}
      presets={presets}
    >
      <div className={s.compare ? 'lane-grid lane-grid--two' : 'lane-grid'}>
        {lanes.map((l) => (
          <section
            key={l.lane}
            className="panel"
            aria-label={s.compare ? `Configuration ${l.prefix[0]}` : 'Simulation'}
          >
            {s.compare && (
              <h2>
                Configuration {l.prefix[0]}: {algorithmLabel(l.params.algorithm)}
              </h2>
            )}
            <TopologyCanvas
              session={session}
              lane={l.lane}
              serverNames={l.name}
              natShare={Number(l.params.natShare)}
              label={`Requests flowing from clients through the ${String(l.params.algorithm)} balancer to ${String(l.params.servers)} servers`}
            />
            <LaneReadout snapshot={s.lanes[l.lane]} name={l.name} />
          </section>
        ))}
      </div>
      {lanes.map((l) => (
        <LbCharts
          key={l.lane}
          snapshot={s.lanes[l.lane]}
          params={l.params}
          serverName={l.name}
          prefix={l.prefix}
        />
      ))}
    </LessonLayout>
  );
}
