/**
 * `coalsim --help` and `coalsim --version` without loading yargs (about 100 ms of a 0.3 s
 * start-up). The text is laid out from the same table and strings main.ts gives yargs, the
 * way yargs lays it out at 100 columns; at any other width (a narrow terminal) this returns
 * null and yargs prints it. test/cli/fastHelp.test.ts checks the two are byte-identical.
 */
import { COMMANDS, EPILOGUE, USAGE, helpWidth } from './commandTable';
import { packageVersion } from './paths';
import { invocation } from './invocation';

const SCRIPT = 'coalsim';
/** The only width laid out here; yargs handles the others. */
const WIDTH = 100;

/** What to print for a top-level `--help`, `-h` or `--version`, or null to leave it to yargs. */
export function fastOutput(argv: readonly string[], columns: number | undefined): string | null {
  if (argv.length !== 1) return null;
  if (argv[0] === '--version') return `${packageVersion()}\n`;
  // Under npx yargs names the script `npx coalsim` (invocation.ts): leave that help to yargs.
  if ((argv[0] === '--help' || argv[0] === '-h') && helpWidth(columns) === WIDTH && invocation() === SCRIPT) return topLevelHelp();
  return null;
}

/** Greedy word wrap to `width` columns, as yargs' layout (cliui) does for plain text. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

function topLevelHelp(): string {
  const out: string[] = [...USAGE.replace(/\$0/g, SCRIPT).split('\n'), '', 'Commands:'];
  const names = COMMANDS.map((c) => `${SCRIPT} ${c.command}`);
  // Two spaces of indent, the longest name, two spaces, then the description in what is left.
  const left = 2 + Math.max(...names.map((n) => n.length)) + 2;
  COMMANDS.forEach((c, i) => {
    wrap(c.describe, WIDTH - left).forEach((line, j) => {
      out.push(((j === 0 ? `  ${names[i]}` : '').padEnd(left) + line).trimEnd());
    });
  });
  out.push('', 'Options:');
  const options: readonly [string, string][] = [
    ['      --version', 'Show version number'],
    ['  -h, --help', 'Show help'],
  ];
  const optLeft = Math.max(...options.map(([f]) => f.length)) + 2;
  for (const [flag, describe] of options) out.push(flag.padEnd(optLeft) + describe.padEnd(WIDTH - optLeft - '[boolean]'.length) + '[boolean]');
  out.push('', ...wrap(EPILOGUE, WIDTH));
  return out.join('\n') + '\n';
}
