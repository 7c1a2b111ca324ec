/**
 * The command line: a declarative table of commands, and one top-level catch that turns
 * errors into a message on stderr and an exit code (see exitCodes.ts).
 */
import { SweepDirError } from '../experiment/store';
import yargs, { type Argv, type CommandModule } from 'yargs';
import { InvariantError } from '../core/errors';
import { CliError, ExitCode } from './exitCodes';
import { invocation } from './invocation';
import { packageVersion } from './paths';
import { explainUsageError } from './usageErrors';
import { OutDirError } from '../output/outDir';
import { describeIoError } from './ioErrors';
import { safeText } from '../output/terminalSafe';
import { COMMANDS, EPILOGUE, USAGE, helpWidth, type LazyCommand } from './commandTable';

export { COMMANDS } from './commandTable';

/** Any command's module: each has its own argument type, erased here at the edge. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = CommandModule<object, any>;


function lazy(c: LazyCommand): CommandModule {
  let loaded: AnyCommand | undefined;
  const get = (): AnyCommand => (loaded ??= c.load());
  return {
    command: c.command,
    describe: c.describe,
    builder: (y: Argv) => {
      copyableExamples(y, helpWidth(process.stdout.columns));
      const b = get().builder;
      return (typeof b === 'function' ? b(y) : y.options(b ?? {})) as Argv;
    },
    handler: (args) => get().handler(args),
  };
}

/**
 * Examples a user can copy and paste. yargs lays examples out in two columns, the command in at
 * most half the width, and wraps a longer command inside its column, so its second half lands
 * on a line of its own (an `--out` without its value, a quoted jq filter cut by the description).
 * An example whose command would not fit is printed instead on a full-width line of its own,
 * after its description as a shell comment ("# ..."), so either line pastes into a shell (yargs
 * prints an example without a description at full width).
 */
function copyableExamples(y: Argv, width: number): void {
  const original = y.example.bind(y) as (cmd: string, description?: string) => Argv;
  const column = Math.floor(width / 2) - 4;
  (y as unknown as { example: (cmd: unknown, description?: string) => Argv }).example = (cmd, description) => {
    if (typeof cmd !== 'string') return (original as unknown as (c: unknown) => Argv)(cmd);
    const shown = cmd.replace(/\$0/g, 'coalsim');
    if (description === undefined || description === '' || shown.length <= column) return original(cmd, description);
    // A comment longer than the line is cut into comment lines (a wrapped tail would lose its "#").
    let line = '';
    for (const word of description.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > width - 6) {
        original(`# ${line}`, '');
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    original(`# ${line}`, '');
    return original(cmd, '');
  };
}

/**
 * An output path that begins with `~` reached coalsim unexpanded: the shell expands `~` only at
 * the start of a word, not after `--out=`, and not in quotes. Written as given it would make a
 * folder literally named `~` in the current directory (which a later `rm -r ~` would turn into a
 * disaster), while the message said "~/results": refuse it (exit 2) with the spelling that works.
 */
function refuseUnexpandedHome(args: Record<string, unknown>): void {
  for (const [key, flag] of [['out', '--out'], ['updateDoc', '--update-doc']] as const) {
    const v = args[key];
    if (typeof v === 'string' && (v === '~' || v.startsWith('~/'))) {
      throw new CliError(`${flag} ${v}: the shell did not expand "~" (it does not after "=" or inside quotes), so this would create a folder named "~" here. Write ${flag} ${v} with a space instead of "=", or ${flag} "$HOME${v.slice(1)}"`, ExitCode.usage);
    }
  }
}

export async function main(argv: string[]): Promise<number> {
  const parser = yargs(argv)
    .scriptName(invocation())
    .usage(USAGE)
    .command(COMMANDS.map(lazy))
    .demandCommand(1, 'Name a command (coalsim --help lists them all). Example: coalsim run')
    .middleware(refuseUnexpandedHome)
    .strict()
    .recommendCommands()
    .version(packageVersion())
    .help()
    .alias('h', 'help')
    .wrap(helpWidth(process.stdout.columns))
    .epilogue(EPILOGUE)
    .fail((msg, err, y) => {
      // yargs' own parse errors (an option missing its value: "Not enough arguments following: seed")
      // arrive as a YError, not a message: they are usage errors too, not bugs.
      if (err && err.name !== 'YError') throw err;
      throw new CliError(`${explainUsageError(msg ?? err!.message, argv, y, COMMANDS.map((c) => c.command.split(' ')[0]!))}\nRun with --help for usage.`, ExitCode.usage);
    });
  try {
    await parser.parseAsync();
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (err) {
    // Messages quote file names and scenario keys: their control characters (an escape sequence
    // in a file name would retitle the terminal or recolour it) are shown escaped, line breaks kept.
    if (err instanceof CliError) {
      process.stderr.write(`coalsim: ${safeText(err.message)}\n`);
      return err.exitCode;
    }
    if (err instanceof OutDirError) {
      process.stderr.write(`coalsim: ${safeText(err.message)}\n`);
      return err.exitCode;
    }
    // A sweep folder this command must not use (a store behind a symbolic link, a different
    // experiment): refused as an existing output, from any command that opens a store.
    if (err instanceof SweepDirError) {
      process.stderr.write(`coalsim: ${safeText(err.message)}\n`);
      return ExitCode.outputExists;
    }
    const io = describeIoError(err);
    if (io !== null) {
      process.stderr.write(`coalsim: ${safeText(io)}\n`);
      return ExitCode.io;
    }
    const what = err instanceof InvariantError ? 'a model invariant broke (this is a bug; please report it with the scenario and seed)' : 'unexpected error (this is a bug)';
    process.stderr.write(`coalsim: ${what}\n${(err as Error).stack ?? String(err)}\n`);
    return ExitCode.internal;
  }
}
