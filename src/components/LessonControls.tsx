// The side column every lesson shares: playback, seed, presets, compare mode and the
// parameter panels generated from the lesson's schema, all wired to the lesson session.
import { useCallback } from 'react';
import type { LessonSession } from '../state/lessonSession.ts';
import { useSession } from '../state/useLessonSession.ts';
import type { Preset } from '../lessons/types.ts';
import { PlaybackBar } from './PlaybackBar.tsx';
import { SeedControl } from './SeedControl.tsx';
import { PresetBar } from './PresetBar.tsx';
import { ParamPanel } from './ParamPanel.tsx';

interface Props {
  readonly session: LessonSession;
  readonly presets: readonly Preset[];
  readonly locked?: ReadonlySet<string>;
  /** Playback speeds to offer, when the shared list does not suit the lesson. */
  readonly speeds?: readonly number[] | undefined;
  /** A second reading of the simulated clock (for example the time of day). */
  readonly clockText?: ((simTimeS: number) => string) | undefined;
}

/** A fresh seed from the browser's generator (the simulation itself never draws one). */
function randomSeed(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0] ?? 1;
}

/**
 * The playback bar and its clock. Its own component because the clock changes every frame
 * while playing: only this part re-renders then, not the parameter panels beside it.
 */
function PlaybackSection({
  session,
  speeds,
  clockText,
}: Pick<Props, 'session' | 'speeds' | 'clockText'>) {
  const s = useSession(session, (st) => ({
    playing: st.playing,
    speed: st.speed,
    simTimeS: st.simTimeS,
    lagging: st.lagging,
    achievedSpeed: st.achievedSpeed,
  }));
  return (
    <PlaybackBar
      playing={s.playing}
      speed={s.speed}
      simTimeS={s.simTimeS}
      lagging={s.lagging}
      achievedSpeed={s.achievedSpeed}
      onPlay={() => session.play()}
      onPause={() => session.pause()}
      onStep={() => session.step()}
      onReset={() => session.reset()}
      onSpeed={(speed) => session.setSpeed(speed)}
      speeds={speeds}
      clockText={clockText}
    />
  );
}

export function LessonControls({ session, presets, locked, speeds, clockText }: Props) {
  const s = useSession(session, (st) => ({
    seed: st.seed,
    params: st.params,
    paramsB: st.paramsB,
    compare: st.compare,
  }));
  const groups = session.model.paramGroups;
  const onChangeA = useCallback(
    (name: string, value: number | string | boolean) => session.setParam(0, name, value),
    [session],
  );
  const onChangeB = useCallback(
    (name: string, value: number | string | boolean) => session.setParam(1, name, value),
    [session],
  );
  return (
    <>
      <section className="panel" aria-labelledby="playback-heading">
        <h2 id="playback-heading">Playback</h2>
        <PlaybackSection session={session} speeds={speeds} clockText={clockText} />
        <SeedControl
          seed={s.seed}
          onSeed={(seed) => session.setSeed(seed)}
          onNewSeed={() => session.setSeed(randomSeed())}
        />
        <label className="compare-toggle">
          <input
            type="checkbox"
            checked={s.compare}
            onChange={(e) => session.setCompare(e.target.checked)}
          />{' '}
          Compare two configurations on the same seed and traffic
        </label>
      </section>
      {presets.length > 0 && (
        <section className="panel" aria-labelledby="presets-heading">
          <h2 id="presets-heading">Presets</h2>
          <PresetBar
            presets={presets}
            onApply={(p) => session.applyParams(p.params)}
            label="Set several parameters at once"
          />
        </section>
      )}
      <section className="panel" aria-labelledby="params-heading">
        <h2 id="params-heading">{s.compare ? 'Configuration A' : 'Parameters'}</h2>
        <ParamPanel
          groups={groups}
          values={s.params}
          onChange={onChangeA}
          {...(locked ? { locked } : {})}
        />
      </section>
      {s.compare && (
        <section className="panel" aria-labelledby="params-b-heading">
          <h2 id="params-b-heading">Configuration B</h2>
          <ParamPanel
            groups={groups}
            values={s.paramsB}
            onChange={onChangeB}
            {...(locked ? { locked } : {})}
          />
        </section>
      )}
    </>
  );
}
