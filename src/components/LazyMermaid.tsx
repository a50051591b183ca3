// A mermaid diagram loaded on demand: the mermaid library (large) is fetched with import()
// only when the diagram scrolls near the viewport, and its source is shown if drawing fails.
import { useEffect, useId, useRef, useState, type RefObject } from 'react';

type MermaidApi = (typeof import('mermaid'))['default'];
type Theme = 'default' | 'dark';

let mermaidPromise: Promise<MermaidApi> | null = null;
let initializedTheme: Theme | null = null;

/**
 * Mermaid's dark theme puts edge labels (#ccc) on #585858, 4.4:1, below WCAG AA's 4.5:1; the
 * lab's dark surface colour under them gives about 10:1.
 */
const DARK_THEME_VARIABLES = { edgeLabelBackground: '#1b2433' };

/** Loads mermaid once, and (re)initializes it when the colour theme differs. */
async function loadMermaid(theme: Theme): Promise<MermaidApi> {
  mermaidPromise ??= import('mermaid').then((module) => module.default);
  const mermaid = await mermaidPromise;
  if (initializedTheme !== theme) {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme,
      ...(theme === 'dark' ? { themeVariables: DARK_THEME_VARIABLES } : {}),
    });
    initializedTheme = theme;
  }
  return mermaid;
}

function prefersDark(): boolean {
  return (
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-color-scheme: dark)').matches
  );
}

/** The theme matching the user's colour scheme, updated when it changes. */
function useMermaidTheme(): Theme {
  const [dark, setDark] = useState(prefersDark);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark ? 'dark' : 'default';
}

/** True once the element has come within `margin` of the viewport (at once without IO). */
function useNearViewport(ref: RefObject<HTMLElement | null>, margin: string): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (near || el === null) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, margin, near]);
  return near;
}

/** Props of {@link LazyMermaid}. */
export interface LazyMermaidProps {
  /** Mermaid source, written by the lesson (trusted; still rendered in strict mode). */
  readonly definition: string;
  /** Text alternative: what the diagram shows, in one or two sentences. */
  readonly label: string;
  readonly className?: string | undefined;
}

/** Outcome of the last drawing attempt, for the source it was made with. */
interface Outcome {
  readonly source: string;
  readonly ok: boolean;
}

/** Renders `definition` as an SVG inside a `role="img"` element labelled by `label`. */
export function LazyMermaid({ definition, label, className }: LazyMermaidProps) {
  const holder = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const baseId = `mermaid-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const renderCount = useRef(0);
  const theme = useMermaidTheme();
  const near = useNearViewport(holder, '300px');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (!near) return undefined;
    let cancelled = false;
    renderCount.current += 1;
    const id = `${baseId}-${renderCount.current}`;
    (async () => {
      const mermaid = await loadMermaid(theme);
      if ((await mermaid.parse(definition, { suppressErrors: true })) === false) {
        throw new Error('invalid mermaid definition');
      }
      const { svg } = await mermaid.render(id, definition);
      if (cancelled || canvas.current === null) return;
      canvas.current.innerHTML = svg;
      setOutcome({ source: definition, ok: true });
    })().catch(() => {
      document.getElementById(`d${id}`)?.remove();
      if (!cancelled) setOutcome({ source: definition, ok: false });
    });
    return () => {
      cancelled = true;
    };
  }, [near, theme, definition, baseId]);

  const classes = ['diagram', className ?? ''].filter(Boolean).join(' ');
  const current = outcome?.source === definition ? outcome : null;
  if (current?.ok === false) {
    return (
      <div className={`${classes} diagram--fallback`}>
        <p>{label}</p>
        <p className="diagram-note">The diagram could not be drawn; this is its source.</p>
        <pre>{definition}</pre>
      </div>
    );
  }
  return (
    <div
      ref={holder}
      className={classes}
      role="img"
      aria-label={label}
      aria-busy={current === null}
    >
      {current === null && <p className="diagram-placeholder">Loading diagram…</p>}
      <div ref={canvas} className="diagram-canvas" />
    </div>
  );
}
