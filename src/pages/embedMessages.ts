// The messages an embedded lesson exchanges with the page that hosts its iframe. Hosts may rely
// on these shapes; add new types rather than changing existing ones. Outbound: ready, resize and
// assignment result. Inbound: only request-size, checked strictly; anything else is ignored.

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

/** Sent when the learner's answer to an assignment is graded inside the embed. */
export interface EmbedAssignmentResultMessage {
  readonly type: 'scaling-lab:assignment-result';
  /** The lesson id, as in the iframe's URL. */
  readonly lesson: string;
  /** The assignment's id (stable, as in the lesson's `model/assignments.ts`). */
  readonly assignment: string;
  /** The assignment's kind: `challenge`, `prediction`, `numeric` or `choice`. */
  readonly kind: string;
  /** True when the answer passed (for a prediction: the guess matched the run). */
  readonly pass: boolean;
}

/** Every message the embed posts to its host. */
export type EmbedMessage = EmbedReadyMessage | EmbedResizeMessage | EmbedAssignmentResultMessage;

/** The one message a host may send: asks the embed to post its current height again. */
export interface HostRequestSizeMessage {
  readonly type: 'scaling-lab:request-size';
}

/** Every message the embed accepts from its host. */
export type HostMessage = HostRequestSizeMessage;

const HOST_MESSAGE_TYPES: ReadonlySet<string> = new Set(['scaling-lab:request-size']);

/**
 * The host message `data` is, or null when it is anything else. Strict: a plain object whose
 * only own key is a known `type` string. Arrays, null, primitives, extra keys and unknown
 * types are all rejected. Never throws, and reads nothing of a long string but its length.
 */
export function parseHostMessage(data: unknown): HostMessage | null {
  try {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
    const proto: unknown = Object.getPrototypeOf(data);
    if (proto !== Object.prototype && proto !== null) return null;
    const keys = Reflect.ownKeys(data);
    if (keys.length !== 1 || keys[0] !== 'type') return null;
    const type: unknown = (data as { type: unknown }).type;
    if (typeof type !== 'string' || type.length > 64 || !HOST_MESSAGE_TYPES.has(type)) return null;
    return { type: type as HostMessage['type'] };
  } catch {
    return null;
  }
}

/**
 * True when a `message` event came from the window that frames this one. Messages from any
 * other window (another frame, a pop-up, this window itself) are not the host's.
 */
export function isFromHost(event: Pick<MessageEvent, 'source'>, win: Window = window): boolean {
  if (!isFramed(win)) return false;
  try {
    return event.source !== null && event.source === win.parent;
  } catch {
    return false;
  }
}

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
 * not known in advance; the messages carry only the lesson and assignment ids, a height and a
 * pass or fail, nothing private (no answers, no parameters).
 */
export function postToHost(message: EmbedMessage, target: Window = window.parent): void {
  try {
    target.postMessage(message, '*');
  } catch {
    // A host that vanished or refuses messages must never break the lesson.
  }
}
