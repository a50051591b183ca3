// Parsing scenario files with error messages a person can act on. JSON.parse's messages differ
// between engines and often omit where the error is, so after a failed parse a small scanner
// finds the first offending character and says what was expected there.

export type JsonParseResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string };

export interface JsonSyntaxError {
  /** Offset in the text (UTF-16 code units, 0-based). */
  readonly position: number;
  /** 1-based line and column of `position`. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the input';
  if (ch === '\n') return 'a line break';
  if (ch === '\t') return 'a tab';
  if (ch.charCodeAt(0) < 0x20)
    return `control character U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return `'${ch}'`;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < position && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/**
 * The first syntax error in `text` as JSON (RFC 8259), or null if it is valid. Iterative, so
 * deeply nested input cannot overflow the stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const n = text.length;
  let i = 0;
  const stack: ('[' | '{')[] = [];
  type Want = 'value' | 'value-or-]' | 'key' | 'key-or-}' | 'after-value';
  let want: Want = 'value';
  const fail = (position: number, message: string): JsonSyntaxError => ({
    position,
    ...lineAndColumn(text, position),
    message,
  });
  const skipSpace = () => {
    while (i < n) {
      const c = text[i];
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') break;
      i++;
    }
  };
  /** Scans a string starting at the opening quote; returns an error or null. */
  const scanString = (): JsonSyntaxError | null => {
    const start = i;
    i++;
    while (i < n) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return null;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
          continue;
        }
        if (e === 'u') {
          HEX4.lastIndex = i + 2;
          if (HEX4.test(text)) {
            i += 6;
            continue;
          }
          return fail(i, 'invalid \\u escape in a string: expected four hex digits');
        }
        return fail(i, `invalid escape \\${e ?? ''} in a string`);
      }
      if (c.charCodeAt(0) < 0x20) {
        return fail(i, `${describeChar(c)} inside a string (escape it, e.g. \\n)`);
      }
      i++;
    }
    return fail(start, 'unterminated string');
  };

  for (;;) {
    skipSpace();
    const ch = text[i];
    if (want === 'after-value') {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        return i < n ? fail(i, `unexpected ${describeChar(ch)} after the JSON value`) : null;
      }
      const close = top === '[' ? ']' : '}';
      if (ch === ',') {
        i++;
        want = top === '[' ? 'value' : 'key';
      } else if (ch === close) {
        i++;
        stack.pop();
      } else {
        const after = top === '[' ? 'an array element' : 'a property value';
        return fail(i, `expected ',' or '${close}' after ${after}, got ${describeChar(ch)}`);
      }
      continue;
    }
    if (want === 'key' || want === 'key-or-}') {
      if (want === 'key-or-}' && ch === '}') {
        i++;
        stack.pop();
        want = 'after-value';
        continue;
      }
      if (ch !== '"') {
        return fail(i, `expected a property name in double quotes, got ${describeChar(ch)}`);
      }
      const err = scanString();
      if (err) return err;
      skipSpace();
      if (text[i] !== ':') {
        return fail(i, `expected ':' after a property name, got ${describeChar(text[i])}`);
      }
      i++;
      want = 'value';
      continue;
    }
    // A value is expected (or, right after '[', the end of the array).
    if (want === 'value-or-]' && ch === ']') {
      i++;
      stack.pop();
      want = 'after-value';
      continue;
    }
    if (ch === '[' || ch === '{') {
      stack.push(ch);
      i++;
      want = ch === '[' ? 'value-or-]' : 'key-or-}';
      continue;
    }
    want = 'after-value';
    if (ch === '"') {
      const err = scanString();
      if (err) return err;
      continue;
    }
    const literal = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (literal) {
      i += literal.length;
      continue;
    }
    NUMBER.lastIndex = i;
    if (ch !== undefined && NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      continue;
    }
    return fail(i, `expected a value, got ${describeChar(ch)}`);
  }
}

/** Parses JSON text; on failure one line with line, column, position and what went wrong. */
export function parseJson(text: string): JsonParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // tolerate a UTF-8 BOM
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    const found = findJsonSyntaxError(body);
    if (found) {
      return {
        ok: false,
        problem: `invalid JSON at line ${found.line}, column ${found.column} (position ${found.position}): ${found.message}`,
      };
    }
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, problem: `invalid JSON: ${message.split('\n')[0] ?? message}` };
  }
}
