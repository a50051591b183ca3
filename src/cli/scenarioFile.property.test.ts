// Property test (fast-check) for the headless runner's scenario input: `validate` (which reads
// files exactly as `run` does) given thousands of random and hostile files (any text, random JSON, broken JSON, deep or
// unterminated nesting, wrong types, hostile keys) never throw and always answer with exit
// code 0, or exit code 2 and one line per problem on stderr, never a stack trace.
// Run alone: npx vitest run --project node src/cli/scenarioFile.property.test.ts
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXIT_BAD_INPUT, EXIT_OK, runCommand } from './commands.ts';

const LESSON = 'load-balancing';

/** File text: any string, JSON of random values, scenario-like JSON, or deep nesting. */
const fileText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        lesson: fc.oneof(fc.constant(LESSON), fc.jsonValue()),
        seed: fc.jsonValue(),
        durationS: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.jsonValue()),
        warmupS: fc.jsonValue(),
        params: fc.oneof(
          fc.dictionary(
            fc.oneof(
              fc.constantFrom('servers', 'algorithm', '__proto__', 'constructor', 'a\nb', '<b>'),
              fc.string(),
            ),
            fc.jsonValue(),
          ),
          fc.jsonValue(),
        ),
        changes: fc.jsonValue(),
      },
      { requiredKeys: ['lesson'] },
    )
    .map((v) => JSON.stringify(v)),
  fc
    .tuple(
      fc.constantFrom('[', '{"a":', `{"lesson":"${LESSON}","seed":`),
      fc.integer({ min: 1, max: 50_000 }),
      fc.constantFrom('closed', 'open', 'truncated'),
    )
    .map(([open, n, how]) => {
      const body = open.repeat(n);
      if (how === 'open') return body;
      if (how === 'truncated') return `${body}1,`;
      return `${body}1${(open === '[' ? ']' : '}').repeat(n)}`;
    }),
);

describe('sim validate/run on random scenario files', () => {
  it('answers with exit 0, or exit 2 and one-line problems, and never throws', () => {
    fc.assert(
      fc.property(fileText, (text) => {
        const out = runCommand(['validate', 'scenario.json'], () => text);
        expect([EXIT_OK, EXIT_BAD_INPUT]).toContain(out.code);
        if (out.code === EXIT_BAD_INPUT) {
          const lines = out.stderr.trimEnd().split('\n');
          expect(lines.length).toBeGreaterThan(0);
          for (const line of lines) {
            expect(line.startsWith('scenario.json: ')).toBe(true);
            expect(line).not.toMatch(/^\s+at |\r|\u2028|\u2029/);
          }
          expect(out.stdout).toBe('');
        }
      }),
      { numRuns: 1000 },
    );
  });
});
