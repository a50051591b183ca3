// Tests for learner progress: saving and loading, migration from version 0, and every way
// storage can fail (blocked, full, corrupt, written by a newer lab) without throwing.
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../sim/scenario.ts';
import {
  PROGRESS_KEY,
  UNKNOWN_TIME,
  createProgressStore,
  emptyProgress,
  migrate,
  parseProgress,
  selectLesson,
  selectRecord,
} from './progress.ts';
import type { ProgressStore } from './progress.ts';

/** An in-memory Storage whose reads or writes can be made to throw. */
class FakeStorage implements Storage {
  readonly items = new Map<string, string>();
  failGet: Error | null = null;
  failSet: Error | null = null;
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    if (this.failGet) throw this.failGet;
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.failSet) throw this.failSet;
    this.items.set(key, value);
  }
}

const T1 = '2025-01-02T03:04:05.000Z';
const scenario: Scenario = {
  lesson: 'load-balancing',
  seed: 7,
  durationS: 600,
  warmupS: 60,
  params: { servers: 4, policy: 'p2c', sticky: false },
};

const stores: ProgressStore[] = [];
function makeStore(storage: Storage | null, clock = () => T1): ProgressStore {
  const store = createProgressStore(storage, clock);
  stores.push(store);
  return store;
}

afterEach(() => {
  for (const store of stores.splice(0)) store.detach();
  localStorage.clear();
});

describe('progress store', () => {
  it('round-trips a record through storage, stamped by the clock', () => {
    const storage = new FakeStorage();
    const store = makeStore(storage);
    expect(store.getState().storageAvailable).toBe(true);
    store.getState().record('lb', 'c1', { status: 'passed', feedback: 'Well done.', scenario });
    const saved: unknown = JSON.parse(storage.items.get(PROGRESS_KEY) ?? 'null');
    expect(saved).toEqual({
      version: 1,
      lessons: {
        lb: {
          assignments: {
            c1: { status: 'passed', feedback: 'Well done.', updatedAt: T1, scenario },
          },
        },
      },
    });
    const again = makeStore(storage);
    expect(selectRecord('lb', 'c1')(again.getState())).toEqual({
      status: 'passed',
      feedback: 'Well done.',
      updatedAt: T1,
      scenario,
    });
  });

  it('keeps answers and rubric ticks, and resets one lesson only', () => {
    const storage = new FakeStorage();
    const store = makeStore(storage);
    const { record } = store.getState();
    record('lb', 'r1', {
      status: 'answered',
      answer: 'Queues grow.',
      feedback: 'Saved.',
      rubricChecked: [0, 2],
    });
    record('cache', 'n1', { status: 'failed', answer: '12', feedback: 'Too low.' });
    store.getState().reset('lb');
    expect(selectLesson('lb')(store.getState())).toBeUndefined();
    const again = makeStore(storage);
    expect(selectLesson('lb')(again.getState())).toBeUndefined();
    expect(selectRecord('cache', 'n1')(again.getState())?.answer).toBe('12');
  });

  it('migrates the version 0 shape and keeps only valid statuses', () => {
    const v0 = { lb: { c1: 'passed', c2: 'failed', c3: 'maybe' }, junk: 5, empty: {} };
    expect(migrate(v0)).toEqual({
      version: 1,
      lessons: {
        lb: {
          assignments: {
            c1: { status: 'passed', feedback: expect.any(String), updatedAt: UNKNOWN_TIME },
            c2: { status: 'failed', feedback: expect.any(String), updatedAt: UNKNOWN_TIME },
          },
        },
      },
    });
    const storage = new FakeStorage();
    storage.items.set(PROGRESS_KEY, JSON.stringify(v0));
    const store = makeStore(storage);
    expect(selectRecord('lb', 'c1')(store.getState())?.status).toBe('passed');
    store.getState().record('lb', 'c3', { status: 'passed', feedback: 'ok' });
    expect(JSON.parse(storage.items.get(PROGRESS_KEY) ?? '{}')).toMatchObject({ version: 1 });
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an array', [1, 2]],
    ['a string', 'passed'],
    ['a bad version', { version: -3, lessons: {} }],
  ])('turns %s into empty progress', (_name, raw) => {
    expect(migrate(raw)).toEqual(emptyProgress());
  });

  it('drops malformed records and fields one by one', () => {
    const raw = {
      version: 1,
      lessons: {
        lb: {
          assignments: {
            good: {
              status: 'passed',
              feedback: 'f',
              updatedAt: T1,
              rubricChecked: [1, -1, 'x', 2],
            },
            badStatus: { status: 'won', feedback: 'f', updatedAt: T1 },
            noTime: { status: 'passed', feedback: 'f' },
            badScenario: {
              status: 'passed',
              feedback: 'f',
              updatedAt: T1,
              scenario: { lesson: 3 },
            },
          },
        },
        nope: 'x',
      },
    };
    expect(migrate(raw).lessons).toEqual({
      lb: {
        assignments: {
          good: { status: 'passed', feedback: 'f', updatedAt: T1, rubricChecked: [1, 2] },
          badScenario: { status: 'passed', feedback: 'f', updatedAt: T1 },
        },
      },
    });
  });

  it('never lets an id such as __proto__ reach a prototype', () => {
    const text = `{"version":1,"lessons":{"__proto__":{"assignments":{"a":{"status":"passed","feedback":"f","updatedAt":"${T1}"}}}}}`;
    const { progress } = parseProgress(text);
    expect(Object.getPrototypeOf(progress.lessons)).toBe(Object.prototype);
    const store = makeStore(new FakeStorage());
    store.getState().record('__proto__', 'constructor', { status: 'failed', feedback: 'f' });
    expect(({} as Record<string, unknown>).status).toBeUndefined();
    expect(selectRecord('__proto__', 'constructor')(store.getState())?.status).toBe('failed');
    expect(selectRecord('x', 'toString')(store.getState())).toBeUndefined();
  });

  it('starts empty on corrupt JSON and then overwrites it', () => {
    const storage = new FakeStorage();
    storage.items.set(PROGRESS_KEY, '{"version":1,"lessons":');
    expect(parseProgress('{not json').status).toBe('corrupt');
    const store = makeStore(storage);
    expect(store.getState().progress).toEqual(emptyProgress());
    expect(store.getState().storageAvailable).toBe(true);
    store.getState().record('lb', 'c1', { status: 'failed', feedback: 'no' });
    expect(parseProgress(storage.items.get(PROGRESS_KEY) ?? null).status).toBe('current');
  });

  it('works in memory when reading storage throws, and never writes over what it could not read', () => {
    const storage = new FakeStorage();
    storage.items.set(PROGRESS_KEY, 'kept');
    storage.failGet = new DOMException('blocked', 'SecurityError');
    const store = makeStore(storage);
    expect(store.getState().storageAvailable).toBe(false);
    expect(store.getState().storageProblem).toBe('unavailable');
    expect(() =>
      store.getState().record('lb', 'c1', { status: 'passed', feedback: 'f' }),
    ).not.toThrow();
    expect(selectRecord('lb', 'c1')(store.getState())?.status).toBe('passed');
    expect(storage.items.get(PROGRESS_KEY)).toBe('kept');
  });

  it('works in memory with no storage at all', () => {
    const store = makeStore(null);
    store.getState().record('lb', 'c1', { status: 'passed', feedback: 'f' });
    expect(store.getState().storageAvailable).toBe(false);
    expect(selectRecord('lb', 'c1')(store.getState())?.status).toBe('passed');
  });

  it('keeps working when a write hits the quota, and recovers when space returns', () => {
    const storage = new FakeStorage();
    const store = makeStore(storage);
    storage.failSet = new DOMException('full', 'QuotaExceededError');
    expect(() =>
      store.getState().record('lb', 'c1', { status: 'passed', feedback: 'f' }),
    ).not.toThrow();
    expect(store.getState().storageAvailable).toBe(false);
    expect(selectRecord('lb', 'c1')(store.getState())?.status).toBe('passed');
    storage.failSet = null;
    store.getState().record('lb', 'c2', { status: 'failed', feedback: 'f' });
    expect(store.getState().storageAvailable).toBe(true);
    expect(
      Object.keys(
        parseProgress(storage.items.get(PROGRESS_KEY) ?? null).progress.lessons.lb?.assignments ??
          {},
      ),
    ).toEqual(['c1', 'c2']);
  });

  it('shows progress from a newer version read-only and never overwrites it', () => {
    const storage = new FakeStorage();
    const newer = JSON.stringify({
      version: 2,
      lessons: { lb: { assignments: { c1: { status: 'passed', feedback: 'f', updatedAt: T1 } } } },
      extra: true,
    });
    storage.items.set(PROGRESS_KEY, newer);
    const store = makeStore(storage);
    expect(store.getState().storageAvailable).toBe(false);
    expect(store.getState().storageProblem).toBe('newer-version');
    expect(selectRecord('lb', 'c1')(store.getState())?.status).toBe('passed');
    store.getState().record('lb', 'c2', { status: 'passed', feedback: 'f' });
    store.getState().reset('lb');
    expect(storage.items.get(PROGRESS_KEY)).toBe(newer);
  });

  it('picks up changes another tab makes to its key only', () => {
    const store = makeStore(localStorage);
    const other = JSON.stringify({
      version: 1,
      lessons: {
        lb: { assignments: { c1: { status: 'passed', feedback: 'tab 2', updatedAt: T1 } } },
      },
    });
    localStorage.setItem(PROGRESS_KEY, other);
    window.dispatchEvent(
      new StorageEvent('storage', { key: 'something-else', storageArea: localStorage }),
    );
    expect(selectRecord('lb', 'c1')(store.getState())).toBeUndefined();
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: PROGRESS_KEY,
        newValue: other,
        storageArea: localStorage,
      }),
    );
    expect(selectRecord('lb', 'c1')(store.getState())?.feedback).toBe('tab 2');
    localStorage.clear();
    window.dispatchEvent(new StorageEvent('storage', { key: null, storageArea: localStorage }));
    expect(store.getState().progress).toEqual(emptyProgress());
  });

  it('stops listening after detach', () => {
    const store = makeStore(localStorage);
    store.detach();
    localStorage.setItem(
      PROGRESS_KEY,
      JSON.stringify({
        version: 1,
        lessons: { lb: { assignments: { a: { status: 'passed', feedback: 'f', updatedAt: T1 } } } },
      }),
    );
    window.dispatchEvent(
      new StorageEvent('storage', { key: PROGRESS_KEY, storageArea: localStorage }),
    );
    expect(selectLesson('lb')(store.getState())).toBeUndefined();
  });
});
