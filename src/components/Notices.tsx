// Dismissable plain-text notices, such as "servers=500 was clamped to 100" after reading a
// shared link. Text is rendered as text only, never as markup.
import { useEffect, useId, useRef } from 'react';

/** One notice; `id` must be unique among the notices shown together. */
export interface NoticeItem {
  readonly id: string;
  readonly text: string;
}

/** Wraps plain notice strings (as the URL parser returns them) with stable, unique ids. */
export function toNoticeItems(texts: readonly string[]): NoticeItem[] {
  return texts.map((text, index) => ({ id: `${index}:${text}`, text }));
}

/** Props of {@link Notices}. */
export interface NoticesProps {
  readonly notices: readonly NoticeItem[];
  /** The parent removes the notice with this id from `notices`. */
  readonly onDismiss: (id: string) => void;
  /** Accessible name of the list. */
  readonly label?: string | undefined;
}

/**
 * A live region listing the notices, each with a "Dismiss" button. After a dismissal focus
 * moves to the next remaining button (or the region), so keyboard users do not lose their place.
 */
export function Notices({ notices, onDismiss, label = 'Notices' }: NoticesProps) {
  const baseId = useId();
  const regionRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    pendingFocus.current = null;
    const buttons = regionRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    const next = buttons[Math.min(index, buttons.length - 1)];
    if (next) next.focus();
    else regionRef.current?.focus();
  }, [notices]);

  return (
    <div ref={regionRef} className="notices" role="status" aria-label={label} tabIndex={-1}>
      {notices.length > 0 && (
        <ul className="notice-list">
          {notices.map((notice, index) => (
            <li key={notice.id} className="notice">
              <span id={`${baseId}-${index}`} className="notice-text">
                {notice.text}
              </span>
              <button
                type="button"
                className="notice-dismiss"
                aria-describedby={`${baseId}-${index}`}
                onClick={() => {
                  pendingFocus.current = index;
                  onDismiss(notice.id);
                }}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
