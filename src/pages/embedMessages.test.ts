// The embed's inbound messages: only a plain `{type: 'scaling-lab:request-size'}` from the
// framing window is accepted; every other shape, and any message from another window, is
// ignored without throwing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFromHost, parseHostMessage } from './embedMessages.ts';

const REQUEST = { type: 'scaling-lab:request-size' } as const;

describe('parseHostMessage', () => {
  it('accepts the one documented message', () => {
    expect(parseHostMessage({ type: 'scaling-lab:request-size' })).toEqual(REQUEST);
    expect(parseHostMessage(JSON.parse('{"type":"scaling-lab:request-size"}'))).toEqual(REQUEST);
    expect(parseHostMessage(Object.assign(Object.create(null), REQUEST))).toEqual(REQUEST);
  });

  it.each([
    ['a string', 'scaling-lab:request-size'],
    ['JSON text', '{"type":"scaling-lab:request-size"}'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a boolean', true],
    ['an array', ['scaling-lab:request-size']],
    ['an array with a type', Object.assign([], { type: 'scaling-lab:request-size' })],
    ['an empty object', {}],
    ['an unknown type', { type: 'scaling-lab:resize' }],
    ['one of our own outbound types', { type: 'scaling-lab:ready' }],
    ['a type with different case', { type: 'Scaling-Lab:Request-Size' }],
    ['a type with spaces', { type: ' scaling-lab:request-size' }],
    ['a non-string type', { type: 1 }],
    ['a boxed string type', { type: Object('scaling-lab:request-size') as unknown }],
    ['extra markup', { ...REQUEST, extra: '<script>alert(1)</script>' }],
    ['an extra undefined field', { ...REQUEST, height: undefined }],
    ['a huge type', { type: 'scaling-lab:request-size'.repeat(100_000) }],
    ['a huge extra field', { ...REQUEST, junk: 'x'.repeat(1_000_000) }],
    ['a Date', new Date(0)],
    ['a Map', new Map([['type', 'scaling-lab:request-size']])],
    [
      'a class instance',
      new (class Msg {
        type = 'scaling-lab:request-size';
      })(),
    ],
    ['a symbol key', { ...REQUEST, [Symbol('x')]: 1 }],
  ])('ignores %s', (_name, data) => {
    expect(parseHostMessage(data)).toBeNull();
  });

  it('never throws, and accepts nothing but the exact shape (random values)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ type: fc.string() }),
          fc.dictionary(fc.string(), fc.anything()).map((d) => ({ ...d, ...REQUEST })),
        ),
        (data) => {
          const parsed = parseHostMessage(data);
          const exact =
            typeof data === 'object' &&
            data !== null &&
            !Array.isArray(data) &&
            Object.keys(data).length === 1 &&
            (data as { type?: unknown }).type === REQUEST.type;
          expect(parsed !== null).toBe(exact);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('ignores an object whose getter throws', () => {
    const hostile = {};
    Object.defineProperty(hostile, 'type', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(parseHostMessage(hostile)).toBeNull();
  });
});

describe('isFromHost', () => {
  const parent = {} as Window;
  const framed = { parent } as unknown as Window;

  it('accepts messages from the framing window only', () => {
    expect(isFromHost({ source: parent }, framed)).toBe(true);
    expect(isFromHost({ source: framed }, framed)).toBe(false);
    expect(isFromHost({ source: {} as Window }, framed)).toBe(false);
    expect(isFromHost({ source: null }, framed)).toBe(false);
  });

  it('accepts nothing when the page is not framed', () => {
    const top = {} as { parent: unknown };
    top.parent = top;
    expect(isFromHost({ source: top as Window }, top as Window)).toBe(false);
    expect(isFromHost({ source: window }, window)).toBe(false);
  });
});
