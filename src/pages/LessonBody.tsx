// Loads a live lesson's view lazily (one code chunk per lesson) and renders it inside a
// Suspense boundary. Shared by the lesson page and the embed page.
import { Suspense, use, type ComponentType } from 'react';
import type { LessonDefinition, LessonViewProps } from '../lessons/types.ts';
import { PageLoading } from './PageLoading.tsx';

type ViewModule = { readonly default: ComponentType<LessonViewProps> };

/** One import per lesson id: the promise is cached, so `use()` sees the same one each render. */
const viewModules = new Map<string, Promise<ViewModule>>();

function viewModuleOf(
  lesson: LessonDefinition,
  load: () => Promise<ViewModule>,
): Promise<ViewModule> {
  let pending = viewModules.get(lesson.id);
  if (pending === undefined) {
    pending = load();
    viewModules.set(lesson.id, pending);
    // A failed download is not cached, so a later visit can try again.
    pending.catch(() => viewModules.delete(lesson.id));
  }
  return pending;
}

function LoadedView({
  lesson,
  embedded,
  load,
}: LessonBodyProps & { readonly load: () => Promise<ViewModule> }) {
  const loaded = use(viewModuleOf(lesson, load));
  return <loaded.default lesson={lesson} embedded={embedded} />;
}

/** Props of {@link LessonBody}. */
export interface LessonBodyProps {
  /** A live lesson with a `view`; a lesson without one renders nothing. */
  readonly lesson: LessonDefinition;
  readonly embedded: boolean;
}

/** The lesson's own view with a loading state while its chunk downloads. */
export function LessonBody({ lesson, embedded }: LessonBodyProps) {
  if (lesson.view === undefined) return null;
  return (
    <Suspense fallback={<PageLoading label={`Loading the ${lesson.title} lesson…`} />}>
      <LoadedView key={lesson.id} lesson={lesson} embedded={embedded} load={lesson.view} />
    </Suspense>
  );
}
