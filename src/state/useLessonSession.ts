// React glue for a lesson session: creates it from the URL once per page, disposes it on
// leave, and lets components select narrowly from its store.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { LessonSchema } from '../sim/model.ts';
import { parseLessonQuery } from '../url/lessonUrl.ts';
import { LessonSession, type SessionState } from './lessonSession.ts';
import { enableMessageProbe } from './messageProbe.ts';

function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true
  );
}

/**
 * The session for `model`, created from the current URL after mount and disposed on leave
 * (an effect, so React's strict-mode double mount cannot leak a worker). Null until ready.
 */
export function useLessonSession(
  model: LessonSchema,
  embedded: boolean,
  /** Playback speed to start with, for lessons whose runs last hours or days. */
  speed?: number,
): LessonSession | null {
  const [session, setSession] = useState<LessonSession | null>(null);
  useEffect(() => {
    const search = window.location.search;
    // `?e2e` also measures each worker message's main-thread cost (before the client exists).
    const e2e = new URLSearchParams(search).has('e2e');
    const messages = e2e ? enableMessageProbe() : null;
    const created = new LessonSession({
      model,
      initial: parseLessonQuery(search, model.paramGroups),
      autoplay: !prefersReducedMotion() && !new URLSearchParams(search).has('paused'),
      syncUrl: !embedded,
      speed,
    });
    setSession(created);
    // `?e2e` exposes the session to browser tests (seeded runs through the real Worker).
    if (e2e) {
      (window as unknown as { __lab?: unknown }).__lab = { session: created, messages };
    }
    return () => created.dispose();
  }, [model, embedded, speed]);
  return session;
}

/** Selects a slice of the session's state; re-renders only when the slice changes. */
export function useSession<T>(session: LessonSession, select: (s: SessionState) => T): T {
  return useStore(session.store, useShallow(select));
}
