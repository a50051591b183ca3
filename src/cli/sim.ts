// The headless runner: `npm run sim -- <command>`. A thin wrapper that hands the arguments and
// a file reader to `runCommand` and writes its output; all logic lives in commands.ts.
import { readFileSync } from 'node:fs';
import { EXIT_INTERNAL, runCommand, type CommandOutput } from './commands.ts';

/** Reads a scenario file, or standard input for "-". */
function readSource(source: string): string {
  return readFileSync(source === '-' ? 0 : source, 'utf8');
}

let output: CommandOutput;
try {
  output = runCommand(process.argv.slice(2), readSource);
} catch (e) {
  // runCommand never throws by design; this only keeps a stack trace off the terminal.
  output = { stdout: '', stderr: `internal error: ${String(e)}\n`, code: EXIT_INTERNAL };
}
if (output.stdout) process.stdout.write(output.stdout);
if (output.stderr) process.stderr.write(output.stderr);
process.exitCode = output.code;
