// Learner progress: what each lesson's assignments were answered with and how they were graded,
// kept in localStorage under a versioned, migrated schema. Blocked, full or corrupt storage never
// throws out of here: the store keeps working in memory and says that progress is not kept.
import { create } from 'zustand';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { ParamValue } from '../sim/params.ts';
import type { ParamChange, Scenario } from '../sim/scenario.ts';

/** The localStorage key progress is kept under. */
export const PROGRESS_KEY = 'scaling-lab:progress';

/** The schema version this code reads and writes. */
export const PROGRESS_VERSION = 1;

/** `updatedAt` of records migrated from a schema that kept no time: the Unix epoch. */
export const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';

export type AssignmentStatus = 'passed' | 'failed' | 'answered';

/** What is kept about one assignment: the last answer, its grade and the feedback shown. */
export interface AssignmentRecord {
  readonly status: AssignmentStatus;
  /** The learner's answer as text: the written reflection, the option id or the number typed. */
  readonly answer?: string;
  readonly feedback: string;
  /** ISO 8601 time of the last change, from the caller's clock. */
  readonly updatedAt: string;
  /** The exact run that was graded (challenges and predictions), so anyone can re-run it. */
  readonly scenario?: Scenario;
  /** Indices into a reflection's rubric that the learner ticked. */
  readonly rubricChecked?: readonly number[];
}

/** A record as the panel hands it to the store, which stamps `updatedAt` with its clock. */
export type AssignmentRecordDraft = Omit<AssignmentRecord, 'updatedAt'>;

export interface LessonProgress {
  readonly assignments: Readonly<Record<string, AssignmentRecord>>;
}

/** The stored document, version 1. */
export interface ProgressV1 {
  readonly version: 1;
  readonly lessons: Readonly<Record<string, LessonProgress>>;
}

/** Progress with nothing in it. */
export function emptyProgress(): ProgressV1 {
  return { version: 1, lessons: {} };
}

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isParamValue(v: unknown): v is ParamValue {
  return isFiniteNumber(v) || typeof v === 'string' || typeof v === 'boolean';
}

function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function isStatus(v: unknown): v is AssignmentStatus {
  return v === 'passed' || v === 'failed' || v === 'answered';
}

function readParams(v: unknown): Record<string, ParamValue> | undefined {
  if (!isObject(v)) return undefined;
  const params: [string, ParamValue][] = [];
  for (const [name, value] of Object.entries(v)) {
    if (!isParamValue(value)) return undefined;
    params.push([name, value]);
  }
  return Object.fromEntries(params);
}

function readChange(v: unknown): ParamChange | undefined {
  if (!isObject(v) || !isFiniteNumber(v.tS) || typeof v.name !== 'string') return undefined;
  return isParamValue(v.value) ? { tS: v.tS, name: v.name, value: v.value } : undefined;
}

/** A structurally valid scenario, rebuilt without unknown fields, or undefined. */
function readScenario(v: unknown): Scenario | undefined {
  if (!isObject(v) || typeof v.lesson !== 'string') return undefined;
  const { seed, durationS, warmupS } = v;
  const params = readParams(v.params);
  if (!isFiniteNumber(seed) || !isFiniteNumber(durationS) || !isFiniteNumber(warmupS)) {
    return undefined;
  }
  if (!params) return undefined;
  const base = { lesson: v.lesson, seed, durationS, warmupS, params };
  if (v.changes === undefined) return base;
  if (!Array.isArray(v.changes)) return undefined;
  const changes = v.changes.map(readChange);
  if (!changes.every((c) => c !== undefined)) return undefined;
  return { ...base, changes };
}

/** A valid record with its optional parts kept only where they are well formed, or undefined. */
function readRecord(v: unknown): AssignmentRecord | undefined {
  if (!isObject(v) || !isStatus(v.status)) return undefined;
  if (typeof v.feedback !== 'string' || typeof v.updatedAt !== 'string') return undefined;
  const scenario = readScenario(v.scenario);
  const rubric = Array.isArray(v.rubricChecked) ? v.rubricChecked.filter(isIndex) : undefined;
  return {
    status: v.status,
    feedback: v.feedback,
    updatedAt: v.updatedAt,
    ...(typeof v.answer === 'string' ? { answer: v.answer } : {}),
    ...(scenario ? { scenario } : {}),
    ...(rubric ? { rubricChecked: rubric } : {}),
  };
}

/** Builds lessons from raw entries; lessons left with no valid assignment are dropped. */
function buildLessons(
  raw: JsonObject,
  readAssignments: (lesson: unknown) => [string, AssignmentRecord][],
): Record<string, LessonProgress> {
  const lessons: [string, LessonProgress][] = [];
  for (const [lessonId, lesson] of Object.entries(raw)) {
    const assignments = readAssignments(lesson);
    if (assignments.length > 0) {
      lessons.push([lessonId, { assignments: Object.fromEntries(assignments) }]);
    }
  }
  return Object.fromEntries(lessons);
}

function readV1Lessons(raw: unknown): Record<string, LessonProgress> {
  if (!isObject(raw)) return {};
  return buildLessons(raw, (lesson) => {
    if (!isObject(lesson) || !isObject(lesson.assignments)) return [];
    const out: [string, AssignmentRecord][] = [];
    for (const [id, value] of Object.entries(lesson.assignments)) {
      const record = readRecord(value);
      if (record) out.push([id, record]);
    }
    return out;
  });
}

const V0_FEEDBACK = 'Recorded by an earlier version of the lab, which kept no feedback.';

/** Version 0: `{ [lessonId]: { [assignmentId]: 'passed' | 'failed' } }`, with no time kept. */
function readV0Lessons(raw: JsonObject): Record<string, LessonProgress> {
  return buildLessons(raw, (lesson) => {
    if (!isObject(lesson)) return [];
    const out: [string, AssignmentRecord][] = [];
    for (const [id, status] of Object.entries(lesson)) {
      if (status === 'passed' || status === 'failed') {
        out.push([id, { status, feedback: V0_FEEDBACK, updatedAt: UNKNOWN_TIME }]);
      }
    }
    return out;
  });
}

type Shape = 'v0' | 'current' | 'newer' | 'corrupt';

function shapeOf(raw: JsonObject): Shape {
  const { version } = raw;
  if (typeof version !== 'number') return 'v0';
  if (version === PROGRESS_VERSION) return 'current';
  return Number.isInteger(version) && version > PROGRESS_VERSION ? 'newer' : 'corrupt';
}

/**
 * Turns any parsed value into version 1 progress. Version 0 is converted; version 1 is
 * cleaned (malformed records dropped one by one); a newer version is read as far as it still
 * looks like version 1; anything else gives empty progress. Never throws.
 */
export function migrate(raw: unknown): ProgressV1 {
  if (!isObject(raw)) return emptyProgress();
  switch (shapeOf(raw)) {
    case 'v0':
      return { version: 1, lessons: readV0Lessons(raw) };
    case 'current':
    case 'newer':
      return { version: 1, lessons: readV1Lessons(raw.lessons) };
    case 'corrupt':
      return emptyProgress();
  }
}

/** How stored text was read: `newer` means written by a newer lab, so it must not be overwritten. */
export type LoadStatus = 'empty' | 'current' | 'migrated' | 'newer' | 'corrupt';

/** Parses the stored text (null when nothing is stored). Never throws. */
export function parseProgress(text: string | null): {
  readonly progress: ProgressV1;
  readonly status: LoadStatus;
} {
  if (text === null) return { progress: emptyProgress(), status: 'empty' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { progress: emptyProgress(), status: 'corrupt' };
  }
  const shape = isObject(raw) ? shapeOf(raw) : 'corrupt';
  const status: LoadStatus = shape === 'v0' ? 'migrated' : shape;
  return { progress: migrate(raw), status };
}

/** The record for one assignment, if any; own properties only. */
export function getRecord(
  progress: ProgressV1,
  lessonId: string,
  assignmentId: string,
): AssignmentRecord | undefined {
  const lesson = Object.hasOwn(progress.lessons, lessonId) ? progress.lessons[lessonId] : undefined;
  if (!lesson || !Object.hasOwn(lesson.assignments, assignmentId)) return undefined;
  return lesson.assignments[assignmentId];
}

/** Progress with one record set; everything else is shared with `progress`. */
export function withRecord(
  progress: ProgressV1,
  lessonId: string,
  assignmentId: string,
  record: AssignmentRecord,
): ProgressV1 {
  const lesson = Object.hasOwn(progress.lessons, lessonId) ? progress.lessons[lessonId] : undefined;
  const assignments = { ...lesson?.assignments, [assignmentId]: record };
  return { version: 1, lessons: { ...progress.lessons, [lessonId]: { assignments } } };
}

/** Progress with one lesson's records removed. */
export function withoutLesson(progress: ProgressV1, lessonId: string): ProgressV1 {
  if (!Object.hasOwn(progress.lessons, lessonId)) return progress;
  const lessons = Object.fromEntries(
    Object.entries(progress.lessons).filter(([id]) => id !== lessonId),
  );
  return { version: 1, lessons };
}

/** Why progress is not being kept: storage is blocked, full or missing, or a newer lab owns it. */
export type StorageProblem = 'unavailable' | 'newer-version';

export interface ProgressState {
  readonly progress: ProgressV1;
  /** False when changes are not reaching storage; the UI says progress will not be kept. */
  readonly storageAvailable: boolean;
  readonly storageProblem: StorageProblem | null;
  /** Sets one assignment's record, stamped with the store's clock, and saves. */
  record(lessonId: string, assignmentId: string, draft: AssignmentRecordDraft): void;
  /** Forgets everything recorded for one lesson and saves. */
  reset(lessonId: string): void;
  /** Reads storage again (another tab changed it, or a test cleared it). */
  reload(): void;
}

/** A progress store: a zustand hook with its API, plus `detach` to stop listening to other tabs. */
export type ProgressStore = UseBoundStore<StoreApi<ProgressState>> & {
  readonly detach: () => void;
};

/** Where `storage` events from other tabs arrive (the window in the browser). */
export type StorageEventSource = Pick<Window, 'addEventListener' | 'removeEventListener'>;

/** The default clock: the current time as ISO 8601. */
export function isoNow(): string {
  return new Date().toISOString();
}

type StorageFields = Pick<ProgressState, 'progress' | 'storageAvailable' | 'storageProblem'>;

/**
 * Creates a progress store over `storage` (null: memory only). It loads on creation, saves on
 * every change, and reloads when another tab changes the key. Progress written by a newer
 * version of the lab is shown read-only: it is read as far as it is understood but never
 * overwritten, so going back to an old tab cannot destroy it.
 */
export function createProgressStore(
  storage: Storage | null,
  clock: () => string = isoNow,
  events: StorageEventSource | null = typeof window === 'undefined' ? null : window,
): ProgressStore {
  let writable = false;
  const read = (): StorageFields => {
    writable = false;
    const unavailable = {
      progress: emptyProgress(),
      storageAvailable: false,
      storageProblem: 'unavailable',
    } as const;
    if (!storage) return unavailable;
    let text: string | null;
    try {
      text = storage.getItem(PROGRESS_KEY);
    } catch {
      return unavailable;
    }
    const { progress, status } = parseProgress(text);
    writable = status !== 'newer';
    return {
      progress,
      storageAvailable: writable,
      storageProblem: writable ? null : 'newer-version',
    };
  };
  const write = (progress: ProgressV1): Partial<StorageFields> => {
    if (!storage || !writable) return {};
    try {
      storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
      return { storageAvailable: true, storageProblem: null };
    } catch {
      return { storageAvailable: false, storageProblem: 'unavailable' };
    }
  };
  const store = create<ProgressState>()((set, get) => ({
    ...read(),
    record: (lessonId, assignmentId, draft) => {
      const record: AssignmentRecord = { ...draft, updatedAt: clock() };
      const progress = withRecord(get().progress, lessonId, assignmentId, record);
      set({ progress, ...write(progress) });
    },
    reset: (lessonId) => {
      const progress = withoutLesson(get().progress, lessonId);
      set({ progress, ...write(progress) });
    },
    reload: () => set(read()),
  }));
  const onStorage = (event: StorageEvent): void => {
    if (event.key !== null && event.key !== PROGRESS_KEY) return;
    if (event.storageArea !== null && event.storageArea !== storage) return;
    store.getState().reload();
  };
  events?.addEventListener('storage', onStorage);
  return Object.assign(store, {
    detach: () => events?.removeEventListener('storage', onStorage),
  });
}

/** The page's localStorage, or null where merely touching it throws (sandboxed frames). */
function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The app's progress store, on the page's localStorage. Tests reset it with `reload()`. */
export const useProgress: ProgressStore = createProgressStore(browserStorage());

/** Selects one lesson's progress (stable until that lesson changes). */
export function selectLesson(lessonId: string): (s: ProgressState) => LessonProgress | undefined {
  return (s) =>
    Object.hasOwn(s.progress.lessons, lessonId) ? s.progress.lessons[lessonId] : undefined;
}

/** Selects one assignment's record. */
export function selectRecord(
  lessonId: string,
  assignmentId: string,
): (s: ProgressState) => AssignmentRecord | undefined {
  return (s) => getRecord(s.progress, lessonId, assignmentId);
}

/** Selects the reason progress is not kept, or null when it is. */
export function selectStorageProblem(s: ProgressState): StorageProblem | null {
  return s.storageProblem;
}
