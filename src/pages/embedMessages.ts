// The messages an embedded lesson posts to the page that hosts its iframe. Hosts may rely on
// these shapes; add new types rather than changing existing ones.

/** Sent once when the lesson's page has rendered inside an iframe. */
export interface EmbedReadyMessage {
  readonly type: 'scaling-lab:ready';
  /** The lesson id, as in the iframe's URL. */
  readonly lesson: string;
}

/** Sent whenever the embedded content's height changes, so the host can size the iframe. */
export interface EmbedResizeMessage {
  readonly type: 'scaling-lab:resize';
  /** Content height in CSS pixels, rounded up. */
  readonly height: number;
}

/** Every message the embed page itself posts (assignment results are posted elsewhere). */
export type EmbedMessage = EmbedReadyMessage | EmbedResizeMessage;

/** Longest teacher prompt shown, in characters; longer prompts are cut with an ellipsis. */
export const MAX_PROMPT_LENGTH = 500;

/**
 * The teacher's prompt from the raw `prompt` query value, trimmed and cut to
 * {@link MAX_PROMPT_LENGTH} characters; `undefined` when absent or blank. It is always
 * rendered as text, never parsed as markup.
 */
export function teacherPrompt(raw: string | null): string | undefined {
  if (raw === null) return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  if (text.length <= MAX_PROMPT_LENGTH) return text;
  return `${text.slice(0, MAX_PROMPT_LENGTH - 1).trimEnd()}…`;
}

/** True when this window is inside a frame (or the parent cannot be inspected). */
export function isFramed(win: Window = window): boolean {
  try {
    return win.parent !== win;
  } catch {
    return true;
  }
}

/**
 * Posts a message to the hosting page. The target origin is `*` because the host's origin is
 * not known in advance; the messages carry only the lesson id and a height, nothing private.
 */
export function postToHost(message: EmbedMessage, target: Window = window.parent): void {
  try {
    target.postMessage(message, '*');
  } catch {
    // A host that vanished or refuses messages must never break the lesson.
  }
}
