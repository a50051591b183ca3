// What every lesson shows above its simulation about the session itself: notices about the
// link that opened it, a stopped simulation with a restart, and the in-process fallback.
import type { LessonSession } from '../state/lessonSession.ts';
import { useSession } from '../state/useLessonSession.ts';
import { Notices } from './Notices.tsx';

export function SessionStatus({ session }: { readonly session: LessonSession }) {
  const s = useSession(session, (st) => ({ notices: st.notices, error: st.error, mode: st.mode }));
  return (
    <>
      <Notices
        notices={s.notices}
        onDismiss={(id) => session.dismissNotice(id)}
        label="Notices about this link"
      />
      {s.error && (
        <div role="alert" className="panel sim-error">
          <p>The simulation stopped: {s.error}</p>
          <button type="button" onClick={() => session.restart()}>
            Restart the simulation
          </button>
        </div>
      )}
      {s.mode === 'in-process' && (
        <p role="status" className="panel">
          This browser would not start a background worker, so the simulation runs on the page
          itself. It may be less smooth at high speeds.
        </p>
      )}
    </>
  );
}
