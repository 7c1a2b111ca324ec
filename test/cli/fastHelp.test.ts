/** `coalsim --help`/`--version` skip yargs (fastHelp.ts): the text must be exactly what yargs prints. */
import { COMMANDS } from '../../src/cli/commandTable';
import { fastOutput } from '../../src/cli/fastHelp';
import { main } from '../../src/cli/main';
import { packageVersion } from '../../src/cli/paths';
import { coalsim } from '../helpers/cli';

/** What yargs itself prints for these arguments (it writes help and version with console.log). */
async function yargsOutput(argv: string[]): Promise<string> {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  // After printing, yargs exits the process with 0: record that instead.
  const exit = jest.spyOn(process, 'exit').mockImplementation((code?: string | number | null) => {
    expect(code).toBe(0);
    return undefined as never;
  });
  try {
    expect(await main(argv)).toBe(0);
    expect(exit).toHaveBeenCalledTimes(1);
  } finally {
    log.mockRestore();
    exit.mockRestore();
  }
  return lines.map((l) => `${l}\n`).join('');
}

describe('the fast path for top-level --help and --version', () => {
  // Under `npx jest` npm sets npm_command=exec, and help names the script `npx coalsim` (invocation.ts).
  const npmCommand = process.env.npm_command;
  beforeAll(() => void delete process.env.npm_command);
  afterAll(() => void (npmCommand === undefined ? delete process.env.npm_command : (process.env.npm_command = npmCommand)));

  it('under npx leaves help to yargs, which names the script `npx coalsim`; --version is the same either way', async () => {
    process.env.npm_command = 'exec';
    try {
      expect(fastOutput(['--help'], undefined)).toBeNull();
      expect(await yargsOutput(['--help'])).toMatch(/^npx coalsim <command> \[options\]/);
      expect(fastOutput(['--version'], undefined)).toBe(`${packageVersion()}\n`);
    } finally {
      delete process.env.npm_command;
    }
  });

  it.each([['--help'], ['-h'], ['--version']])('%s prints byte for byte what yargs prints', async (flag) => {
    const fast = fastOutput([flag], undefined);
    expect(fast).not.toBeNull();
    expect(fast).toBe(await yargsOutput([flag]));
  });

  it('lists every command of the table once, in table order, with descriptions wrapped inside 100 columns', () => {
    const text = fastOutput(['--help'], 120) as string;
    const listed = text.split('\n').filter((l) => /^ {2}coalsim /.test(l)).map((l) => l.trim().split(/\s{2,}/)[0]);
    expect(listed).toEqual(COMMANDS.map((c) => `coalsim ${c.command}`));
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(fastOutput(['--version'], 40)).toBe(`${packageVersion()}\n`);
  });

  it('leaves narrow terminals, subcommand help and anything else to yargs', () => {
    expect(fastOutput(['--help'], 80)).toBeNull();
    expect(fastOutput(['run', '--help'], undefined)).toBeNull();
    expect(fastOutput(['--help', '--version'], undefined)).toBeNull();
    expect(fastOutput(['run'], undefined)).toBeNull();
    expect(fastOutput([], undefined)).toBeNull();
  });

  it('the installed command prints the same help and version, exit code 0', async () => {
    const help = coalsim(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(await yargsOutput(['--help']));
    const version = coalsim(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${packageVersion()}\n`);
  });
});

describe('top-level --help', () => {
  it("gives a new user commands to copy, as every command's --help does (teacher's audit: it had none)", () => {
    const r = coalsim(['--help']);
    expect(r.status).toBe(0);
    const text = r.stdout.replace(/\n/g, ' ');
    expect(text).toContain('Examples: coalsim run teaching-holdup (a classroom hold-up, seed 1, into out/teaching-holdup-seed1); coalsim explain out/teaching-holdup-seed1');
    expect(text).toContain('coalsim classroom teaching-holdup');
  });
});
