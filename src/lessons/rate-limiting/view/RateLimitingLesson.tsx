// The rate-limiting lesson page: text, a request timeline per lane with a request inspector,
// the window readout against its bound, live charts, the memory each algorithm keeps, a mode
// with all five algorithms on the same traffic, the shared controls column and assignments.
import { useState } from 'react';
import type { LessonViewProps } from '../../types.ts';
import { LessonLayout } from '../../../components/LessonLayout.tsx';
import { useLessonSession, useSession } from '../../../state/useLessonSession.ts';
import type { LessonSession } from '../../../state/lessonSession.ts';
import { optionLabel, type ParamValue } from '../../../sim/params.ts';
import type { LaneSnapshot } from '../../../sim/worker/protocol.ts';
import { rateLimitingSchema } from '../model/schema.ts';
import { ALGORITHMS } from '../model/params.ts';
import { maxInWindowBound } from '../model/theory.ts';
import { assignments } from '../model/assignments.ts';
import { presets } from '../model/presets.ts';
import { content } from '../model/content.ts';
import { TimelineCanvas } from './TimelineCanvas.tsx';
import { RequestInspector } from './RequestInspector.tsx';
import { RlCharts } from './RlCharts.tsx';
import { RecentRequests, type RequestView } from './recentRequests.ts';
import './rateLimiting.css';

type Params = Readonly<Record<string, ParamValue>>;

const FIVE: readonly Params[] = ALGORITHMS.map((algorithm) => ({ algorithm }));

/** The label the parameter panel shows for an algorithm id. */
const algorithmLabel = (id: ParamValue | undefined): string =>
  optionLabel(rateLimitingSchema.paramGroups, 'algorithm', id);

const windowed = (algorithm: ParamValue | undefined) =>
  algorithm === 'fixed-window' || algorithm === 'sliding-counter';

export default function RateLimitingLesson({ lesson, embedded }: LessonViewProps) {
  const session = useLessonSession(rateLimitingSchema, embedded);
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
    variants: st.variants,
    lanes: st.lanes,
  }));
  const five = s.variants !== null;
  const lanes = s.variants
    ? s.variants.map((v, i) => ({ lane: i, params: { ...s.params, ...v }, prefix: '' }))
    : s.compare
      ? [
          { lane: 0, params: s.params, prefix: 'A: ' },
          { lane: 1, params: s.paramsB, prefix: 'B: ' },
        ]
      : [{ lane: 0, params: s.params, prefix: '' }];

  return (
    <LessonLayout
      session={session}
      schema={rateLimitingSchema}
      content={content}
      diagramLabel="Diagram: one user's requests pass a load balancer to N gateways; each gateway counts locally or asks a shared counter store, then forwards allowed requests to the API or answers 429 with rate-limit headers."
      assignments={assignments}
      presets={presets}
    >
      <label className="rl-five-toggle">
        <input
          type="checkbox"
          checked={five}
          onChange={(e) => session.setVariants(e.target.checked ? FIVE : null)}
        />{' '}
        All five algorithms on the same traffic
      </label>
      {five ? (
        <section className="panel" aria-label="All five algorithms">
          <h2>All five algorithms, same user, same seed</h2>
          <p className="rl-hint">
            Every lane gets exactly the same requests; only the algorithm differs. The other
            settings come from the panel on the right.
          </p>
          {lanes.map((l) => (
            <CompactLane
              key={l.lane}
              session={session}
              lane={l.lane}
              params={l.params}
              snapshot={s.lanes[l.lane]}
            />
          ))}
        </section>
      ) : (
        <div className={s.compare ? 'lane-grid lane-grid--two' : 'lane-grid'}>
          {lanes.map((l) => (
            <FullLane
              key={l.lane}
              session={session}
              lane={l.lane}
              params={l.params}
              snapshot={s.lanes[l.lane]}
              heading={
                s.compare
                  ? `Configuration ${l.prefix[0] ?? ''}: ${algorithmLabel(l.params.algorithm)}`
                  : null
              }
            />
          ))}
        </div>
      )}
      {!five &&
        lanes.map((l) => (
          <RlCharts key={l.lane} snapshot={s.lanes[l.lane]} params={l.params} prefix={l.prefix} />
        ))}
      <MemoryTable lanes={lanes} snapshots={s.lanes} />
    </LessonLayout>
  );
}

interface LaneProps {
  readonly session: LessonSession;
  readonly lane: number;
  readonly params: Params;
  readonly snapshot: LaneSnapshot | undefined;
}

function timelineLabel(params: Params): string {
  return (
    `Timeline of the last two ${Number(params.windowS)} s windows under ${algorithmLabel(params.algorithm)}: ` +
    'accepted requests as ticks in the upper row, refused ones in the lower row' +
    (windowed(params.algorithm) ? ', window edges dashed' : '') +
    ', and below them the count accepted in the last window against the limit and twice the limit. Use the buttons under it to pick a request.'
  );
}

function FullLane({
  session,
  lane,
  params,
  snapshot,
  heading,
}: LaneProps & { heading: string | null }) {
  const [store] = useState(() => new RecentRequests());
  const [picked, setPicked] = useState<RequestView | null>(null);
  // A new run (clock back to zero) forgets the picked request.
  const nowS = snapshot?.nowS ?? 0;
  if (picked && nowS < picked.t) setPicked(null);
  return (
    <section className="panel" aria-label={heading ?? 'Simulation'}>
      {heading && <h2>{heading}</h2>}
      <TimelineCanvas
        session={session}
        lane={lane}
        store={store}
        windowS={Number(params.windowS)}
        limit={Number(params.limit)}
        edges={windowed(params.algorithm)}
        selectedSeq={picked?.seq ?? null}
        onSelect={setPicked}
        label={timelineLabel(params)}
      />
      <Readout snapshot={snapshot} params={params} />
      <RequestInspector request={picked} params={params} store={store} onSelect={setPicked} />
    </section>
  );
}

function CompactLane({ session, lane, params, snapshot }: LaneProps) {
  const [store] = useState(() => new RecentRequests());
  const bound = maxInWindowBound(params);
  const v = snapshot?.values;
  return (
    <div className="rl-compact">
      <h3>
        {algorithmLabel(params.algorithm)}:{' '}
        <span className="rl-compact-figure">{v?.maxAcceptedInWindow ?? 0}</span> at most in one
        window (bound {bound.bound ?? 'none'}, limit {Number(params.limit)}); {v?.accepted ?? 0}{' '}
        accepted, {v?.rejected ?? 0} refused
      </h3>
      <TimelineCanvas
        session={session}
        lane={lane}
        store={store}
        windowS={Number(params.windowS)}
        limit={Number(params.limit)}
        edges={windowed(params.algorithm)}
        selectedSeq={null}
        compact
        label={timelineLabel(params)}
      />
    </div>
  );
}

const fmt = new Intl.NumberFormat('en');

function Readout({ snapshot, params }: { snapshot: LaneSnapshot | undefined; params: Params }) {
  const v = snapshot?.values;
  const bound = maxInWindowBound(params);
  const peak = v?.maxAcceptedInWindow ?? 0;
  const limit = Number(params.limit);
  return (
    <>
      <div className="rl-peak" aria-label="Most accepted in one window">
        <div>
          <span className="rl-peak-figure">{fmt.format(peak)}</span>
          <span className="rl-peak-label">most accepted in any {Number(params.windowS)} s</span>
        </div>
        <div>
          <span className="rl-peak-figure rl-peak-figure--muted">
            {bound.bound === null ? 'none' : fmt.format(bound.bound)}
          </span>
          <span className="rl-peak-label">theoretical bound</span>
        </div>
        <div>
          <span className="rl-peak-figure rl-peak-figure--muted">{fmt.format(limit)}</span>
          <span className="rl-peak-label">
            limit ({(limit > 0 ? peak / limit : 0).toFixed(2)}×)
          </span>
        </div>
        <p className="rl-hint">Bound: {bound.why}.</p>
      </div>
      <dl className="readout" aria-label="Run figures">
        <div>
          <dt>Simulated time</dt>
          <dd>{(snapshot?.nowS ?? 0).toFixed(1)} s</dd>
        </div>
        <div>
          <dt>Arrived</dt>
          <dd>{fmt.format(v?.arrived ?? 0)}</dd>
        </div>
        <div>
          <dt>Accepted</dt>
          <dd>{fmt.format(v?.accepted ?? 0)}</dd>
        </div>
        <div>
          <dt>Refused (429)</dt>
          <dd>{fmt.format(v?.rejected ?? 0)}</dd>
        </div>
        <div>
          <dt>Accepted in the last window</dt>
          <dd>{fmt.format(v?.inWindowNow ?? 0)}</dd>
        </div>
        <div>
          <dt>Most accepted in one window</dt>
          <dd>{fmt.format(peak)}</dd>
        </div>
        {v?.storeDown === 1 && (
          <div className="readout-wide">
            <dt>Counter store</dt>
            <dd>unreachable: failing {params.failMode === 'closed' ? 'closed' : 'open'}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

const STORES: Readonly<Record<string, string>> = {
  'fixed-window': 'one counter and the window it belongs to',
  'sliding-log': 'the time of every accepted request still inside the window (up to the limit)',
  'sliding-counter': 'two counters (this window and the last) and the window number',
  'token-bucket': 'the token count and when it was last topped up',
  'leaky-bucket': 'the leave time of every request waiting in the queue, plus the last one',
};

function MemoryTable({
  lanes,
  snapshots,
}: {
  lanes: readonly { lane: number; params: Params; prefix: string }[];
  snapshots: readonly LaneSnapshot[];
}) {
  const live = new Map<string, string>();
  for (const l of lanes) {
    const memory = snapshots[l.lane]?.arrays.memory;
    if (!memory) continue;
    const words = Math.max(0, ...Array.from(memory));
    const key = String(l.params.algorithm);
    const text = `${l.prefix}${fmt.format(words)}${memory.length > 1 ? ` (on each of ${memory.length} gateways, at most)` : ''}`;
    live.set(key, live.has(key) ? `${live.get(key) ?? ''}; ${text}` : text);
  }
  return (
    <section className="panel" aria-labelledby="memory-heading">
      <h2 id="memory-heading">Memory per client</h2>
      <table className="rl-memory">
        <caption className="visually-hidden">
          What each algorithm stores for one client, and how many numbers it holds for this user now
        </caption>
        <thead>
          <tr>
            <th scope="col">Algorithm</th>
            <th scope="col">Stores per client</th>
            <th scope="col">Numbers held now</th>
          </tr>
        </thead>
        <tbody>
          {ALGORITHMS.map((a) => (
            <tr key={a}>
              <th scope="row">{algorithmLabel(a)}</th>
              <td>{STORES[a]}</td>
              <td>{live.get(a) ?? 'not running'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="rl-hint">
        Multiply by the number of users: a million users at 100 a minute is up to 100 million
        timestamps for the sliding log, but only two or three million numbers for the others.
      </p>
    </section>
  );
}
