// One lane's request timeline, drawn on a canvas at the display's frame rate from the requests
// in each snapshot. A click picks the nearest request (see hitTest); the lesson shows it in the
// request inspector. The same requests are reachable by keyboard from the inspector's buttons.
import { useEffect, useRef, type MouseEvent } from 'react';
import type { LessonSession } from '../../../state/lessonSession.ts';
import { drawTimeline, hitTest, timelineLayout, type TimelineView } from './drawTimeline.ts';
import type { RecentRequests, RequestView } from './recentRequests.ts';
import { cssVar } from '../../../components/theme.ts';

interface Props {
  readonly session: LessonSession;
  readonly lane: number;
  readonly store: RecentRequests;
  readonly windowS: number;
  readonly limit: number;
  readonly edges: boolean;
  readonly selectedSeq: number | null;
  readonly onSelect?: ((r: RequestView) => void) | undefined;
  readonly compact?: boolean | undefined;
  readonly label: string;
}

export function TimelineCanvas(props: Props) {
  const { session, lane, store, compact = false, label } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const nowRef = useRef(0);
  const viewRef = useRef<Omit<TimelineView, 'nowS'>>(props);
  const selectRef = useRef(props.onSelect);
  useEffect(() => {
    viewRef.current = {
      windowS: props.windowS,
      limit: props.limit,
      edges: props.edges,
      selectedSeq: props.selectedSeq,
    };
    selectRef.current = props.onSelect;
  }, [props.windowS, props.limit, props.edges, props.selectedSeq, props.onSelect]);

  useEffect(() => {
    const unsubscribe = session.subscribeFrames((msg) => {
      const snap = msg.lanes[lane];
      if (!snap) return;
      nowRef.current = snap.nowS;
      store.add(snap.nowS, snap.arrays.requests, 3 * viewRef.current.windowS);
    });
    let raf = 0;
    let drawn = '';
    const frame = () => {
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (canvas && ctx) {
        const width = Math.max(280, canvas.clientWidth || 600);
        const height = compact ? 96 : 230;
        const v = viewRef.current;
        const key = `${store.version}|${nowRef.current}|${width}|${v.windowS}|${v.limit}|${v.edges}|${v.selectedSeq}`;
        if (key !== drawn) {
          drawn = key;
          const dpr = window.devicePixelRatio || 1;
          if (
            canvas.width !== Math.round(width * dpr) ||
            canvas.height !== Math.round(height * dpr)
          ) {
            canvas.width = Math.round(width * dpr);
            canvas.height = Math.round(height * dpr);
            canvas.style.height = `${height}px`;
          }
          ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
          drawTimeline(
            ctx,
            timelineLayout(width, height, compact),
            store.items,
            { ...v, nowS: nowRef.current },
            {
              text: cssVar('--text', '#1f2937'),
              muted: cssVar('--text-muted', '#6b7280'),
              grid: cssVar('--border', '#d1d5db'),
              accepted: '#0072B2',
              rejected: '#D55E00',
              queued: '#CC79A7',
            },
            compact,
          );
        }
      }
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => {
      unsubscribe();
      cancelAnimationFrame(raf);
    };
  }, [session, lane, store, compact]);

  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const canvas = canvasRef.current;
    const select = selectRef.current;
    if (!canvas || !select) return;
    const box = canvas.getBoundingClientRect();
    const l = timelineLayout(box.width, box.height, compact);
    const hit = hitTest(
      store.items,
      l,
      { ...viewRef.current, nowS: nowRef.current },
      e.clientX - box.left,
      e.clientY - box.top,
    );
    if (hit) select(hit);
  };

  return (
    <canvas
      ref={canvasRef}
      className={compact ? 'rl-timeline rl-timeline--compact' : 'rl-timeline'}
      role="img"
      aria-label={label}
      data-testid={`topology-${lane}`}
      onClick={onClick}
    />
  );
}
