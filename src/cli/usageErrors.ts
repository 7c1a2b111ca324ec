/**
 * yargs' usage errors in the user's terms: an unknown option gets the nearest known one
 * ("--no-chart": did you mean --no-charts?), and a missing positional says what to name,
 * with an example, instead of "Not enough non-option arguments".
 */
import { closest, distance } from 'fastest-levenshtein';

/** What each command's required positional is, with an example. */
const MISSING_POSITIONAL: Record<string, string> = {
  validate: 'name the scenario or experiment files to check. Example: coalsim validate scenarios/default.json experiments/market-lhs.json',
  report: 'name the run output directory to rebuild the report of. Example: coalsim report out/default-seed1',
  merge: 'name the sweep directories (shards) to merge. Example: coalsim merge out/s0 out/s1 out/s2 out/s3 --out out/all',
  slurm: 'name the experiment file to run on Slurm. Example: coalsim slurm experiments/information-by-surge.json --out out/ibs',
  replicate: 'name the study to replicate. Example: coalsim replicate isaf --out out/isaf',
  compare: 'name two or more run output directories to compare. Example: coalsim compare out/open out/discreet --out out/cmp',
  analyze: 'name the sweep output directory to analyse. Example: coalsim analyze out/sens',
  fit: 'name the fit file to run. Example: coalsim fit scenarios/fits/korea-1950.fit.json --out out/fit-korea',
};

/**
 * `commands`: the command names (commandTable.ts), so that a mistyped command is named as one
 * ("unknown command frobnicate") rather than as an option yargs could not place.
 */
export function explainUsageError(msg: string, argv: readonly string[], y: unknown, commands: readonly string[] = []): string {
  const command = argv.find((a) => !a.startsWith('-'));
  if (command !== undefined && commands.length > 0 && !commands.includes(command)) {
    const guess = closest(command, [...commands]);
    const near = distance(command.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(command.length / 3));
    return `unknown command "${command}"${near ? `; did you mean ${guess}?` : '.'} Commands: ${commands.join(', ')}`;
  }
  if (/^Not enough non-option arguments/.test(msg) && command !== undefined && MISSING_POSITIONAL[command] !== undefined) {
    return `${command}: ${MISSING_POSITIONAL[command]}`;
  }
  // A numeric option typed without its value (numberOptions.ts: requiresArg).
  const bare = /^Not enough arguments following: (.+)$/.exec(msg);
  if (bare) {
    const flag = bare[1]!.length === 1 ? `-${bare[1]}` : `--${bare[1]}`;
    return `${flag} was given without a value: write one after it (${invocationOf(command)} --help says what it takes)`;
  }
  const unknown = /^Unknown arguments?: (.+)$/.exec(msg);
  if (unknown && y !== undefined) {
    const known = knownOptions(y);
    const lines = unknown[1]!.split(', ').map((name) => {
      // yargs lists a stray positional (an extra word after the command's own) with the unknown
      // options: it was typed without dashes, so it is an extra argument, not an option.
      const asTyped = argv.includes(name) && !argv.includes(`--${name}`) && !argv.includes(`-${name}`) && !argv.some((a) => a.startsWith(`--${name}=`));
      if (asTyped) return `unexpected extra argument "${name}" (${command ?? 'this command'} takes ${positionalsOf(command)}); remove it, or quote a path that contains spaces`;
      const negated = argv.includes(`--no-${name}`);
      const typed = negated ? `--no-${name}` : name.length === 1 ? `-${name}` : `--${name}`;
      const guess = known.length > 0 ? closest(name, known) : undefined;
      if (guess === undefined || distance(name.toLowerCase(), guess.toLowerCase()) > Math.max(2, Math.floor(name.length / 3))) return `unknown option ${typed}`;
      return `unknown option ${typed}; did you mean ${negated ? `--no-${guess}` : `--${guess}`}?`;
    });
    return lines.join('\n');
  }
  return msg;
}

/** `coalsim <command>` for a message, or `coalsim` when no command was typed. */
function invocationOf(command: string | undefined): string {
  return command === undefined ? 'coalsim' : `coalsim ${command}`;
}

/** What a command's positional arguments are, for a message about an extra one. */
function positionalsOf(command: string | undefined): string {
  const takes: Readonly<Record<string, string>> = {
    run: 'one scenario', explain: 'one run folder', report: 'one run folder', sweep: 'one experiment file', slurm: 'one experiment file', analyze: 'one sweep folder', fit: 'one fit file', classroom: 'one scenario', calibrate: 'scenario files', validate: 'files to check', compare: 'run folders', merge: 'sweep folders', replicate: 'one study',
  };
  return (command !== undefined ? takes[command] : undefined) ?? 'fewer arguments';
}

/**
 * The long options of the command being parsed (kebab-case, as users type them), from the
 * usage object yargs passes to its fail handler: its descriptions are keyed by option.
 */
function knownOptions(y: unknown): string[] {
  const usage = y as { getDescriptions?: () => Record<string, unknown> } | null;
  if (usage === null || typeof usage.getDescriptions !== 'function') return [];
  const keys = Object.keys(usage.getDescriptions());
  return [...new Set(keys.filter((k) => k.length > 1 && !/[A-Z]/.test(k) && k !== '$0'))].sort();
}
