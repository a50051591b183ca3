import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, parseJson } from './json.ts';

describe('findJsonSyntaxError', () => {
  it('accepts everything JSON.parse accepts', () => {
    for (const text of [
      '{}',
      '[]',
      ' { "a" : [1, -2.5e3, 0, true, false, null, "x\\"\\u00e9\\n"], "b": {} } ',
      '"just a string"',
      '42',
      '[[[[]]]]',
      '{"nested": {"deep": [{"k": "v"}]}}',
    ]) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it.each([
    ['{"a": 1,}', 8, "expected a property name in double quotes, got '}'"],
    ['[1, 2,]', 6, "expected a value, got ']'"],
    ['{"a" 1}', 5, "expected ':' after a property name, got '1'"],
    ['{"a": 1', 7, "expected ',' or '}' after a property value, got the end of the input"],
    ["{'a': 1}", 1, "expected a property name in double quotes, got '''"],
    ['{"a": tru}', 6, "expected a value, got 't'"],
    ['{"a": 01}', 7, "expected ',' or '}' after a property value, got '1'"],
    ['{"a": "x', 6, 'unterminated string'],
    ['{"a": "\\q"}', 7, 'invalid escape \\q in a string'],
    ['{"a": "\\u12"}', 7, 'invalid \\u escape in a string: expected four hex digits'],
    ['{"a": "line\nbreak"}', 11, 'a line break inside a string (escape it, e.g. \\n)'],
    ['{} x', 3, "unexpected 'x' after the JSON value"],
    ['', 0, 'expected a value, got the end of the input'],
    ['[1 2]', 3, "expected ',' or ']' after an array element, got '2'"],
    ['-', 0, "expected a value, got '-'"],
  ])('%j: error at %i: %s', (text, position, message) => {
    expect(() => JSON.parse(text)).toThrow();
    const e = findJsonSyntaxError(text);
    expect(e).toMatchObject({ position, message });
  });

  it('reports 1-based line and column', () => {
    const text = '{\n  "a": 1,\n  "b": ]\n}';
    expect(findJsonSyntaxError(text)).toMatchObject({ line: 3, column: 8, position: 19 });
  });

  it('does not overflow the stack on deeply nested input', () => {
    const deep = '['.repeat(200_000);
    expect(findJsonSyntaxError(deep)).toMatchObject({ position: 200_000 });
  });
});

describe('parseJson', () => {
  it('parses valid JSON, also after a byte-order mark', () => {
    expect(parseJson('{"a": [1]}')).toEqual({ ok: true, value: { a: [1] } });
    expect(parseJson('\ufeff{"a": 2}')).toEqual({ ok: true, value: { a: 2 } });
  });

  it('gives one line with line, column and position for invalid JSON', () => {
    const r = parseJson('{\n  "a": 1,\n}');
    expect(r).toEqual({
      ok: false,
      problem:
        "invalid JSON at line 3, column 1 (position 12): expected a property name in double quotes, got '}'",
    });
  });
});
