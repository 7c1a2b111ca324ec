/**
 * `coalsim classroom [scenario]`: write one self-contained HTML page in which the engine runs
 * (bundled with esbuild): sliders, two panes side by side, live numbers and charts. Opens from
 * disk, fetches nothing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { engineBundle } from '../../classroom/bundle';
import { buildClassroomHtml } from '../../classroom/page';
import { writeFileAtomically } from '../../output/atomic';
import { assertDirectoryPath } from '../../output/outDir';
import { pageSealState, sealPage } from '../../classroom/seal';
import { reportAssets } from '../../report/assets';
import { CliError, ExitCode } from '../exitCodes';
import { displayPath, parseSeed, requireScenario } from '../scenarioInput';
import { numberOption } from '../numberOptions';


interface ClassroomArgs {
  scenario?: string;
  seed: string;
  out?: string;
  force: boolean;
  json: boolean;
}

export const classroomCommand: CommandModule<object, ClassroomArgs> = {
  command: 'classroom [scenario]',
  describe: 'Write a self-contained HTML page where the model runs live, with sliders and two panes to compare',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario JSON file, or the id of a bundled one (default: scenarios/default.json)' })
      .option('seed', numberOption('Seed the panes start with (each pane can change it)', '1'))
      .option('out', { type: 'string', describe: 'HTML file to write (default: out/<scenario-id>-classroom.html)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing file' })
      .option('json', { type: 'boolean', default: false, describe: 'Print {file, scenario, bytes} as JSON' })
      .example('$0 classroom teaching-scarcity', 'Slack against scarce demand, side by side; open out/teaching-scarcity-classroom.html')
      .example('$0 classroom teaching-information-open --out class.html', 'Open against discreet recruitment') as unknown as Argv<ClassroomArgs>,
  handler: (args: ArgumentsCamelCase<ClassroomArgs>) => {
    const seed = parseSeed(args.seed);
    const input = requireScenario(args.scenario);
    const given = args.out ?? `out/${input.scenario.meta.id}-classroom.html`;
    if (given.trim() === '') throw new CliError('--out must name a file, e.g. --out class.html', ExitCode.usage);
    // A path ending in a separator names a folder: the page goes inside it, under its usual name.
    const out = /[\\/]$/.test(given) ? join(given, `${input.scenario.meta.id}-classroom.html`) : given;
    // Its folder must be one (or not exist yet): a path under a regular file gets the fix, not EEXIST.
    assertDirectoryPath(dirname(resolve(out)));
    let engine: string;
    try {
      engine = engineBundle();
    } catch (err) {
      throw new CliError(`cannot build the classroom page: ${(err as Error).message}`, ExitCode.internal);
    }
    // Sealed with its own hash (classroom/seal.ts): a lone file has no manifest to tell coalsim's bytes from a teacher's edits.
    const page = sealPage(buildClassroomHtml({ scenario: input.scenario, seed, engine, assets: reportAssets() }));
    // Read only a regular file: a named pipe (or a device) given as --out blocked the read below
    // until something wrote to it, so the command never ended (hostile review, 2026-12-07).
    const kind = existsSync(out) ? statSync(out) : null;
    if (kind !== null && !kind.isFile() && !kind.isDirectory()) throw new CliError(`--out ${displayPath(out)} is not a regular file (a named pipe, a device or a socket); coalsim writes its page only as a file of its own. Choose another --out, e.g. --out ${input.scenario.meta.id}-classroom.html`, ExitCode.outputExists);
    if (existsSync(out) && statSync(out).isDirectory()) throw new CliError(`--out ${out} is a directory; name the page's file, e.g. --out ${join(out, `${input.scenario.meta.id}-classroom.html`)}`, ExitCode.outputExists);
    const existing = existsSync(out) ? readFileSync(out, 'utf8') : null;
    const same = existing === page;
    if (existing !== null && !same) {
      // --force replaces only a page coalsim wrote and nobody edited since (its seal), never a user's file or a teacher's notes.
      const state = pageSealState(existing);
      if (state === 'foreign') throw new CliError(`${displayPath(out)} is not a classroom page coalsim wrote; coalsim never replaces such a file, even with --force. Choose another --out`, ExitCode.outputExists);
      if (state === 'edited') throw new CliError(`${displayPath(out)} is a classroom page coalsim wrote, but it was edited since (its coalsim-sha256 no longer matches), so it is partly yours; coalsim never replaces it, even with --force. Choose another --out, or move the page away first`, ExitCode.outputExists);
      if (state === 'unsealed') throw new CliError(`${displayPath(out)} was written by an earlier coalsim, which did not seal its pages, so whether it was edited since cannot be told; coalsim does not replace it, even with --force. Choose another --out, or delete the page yourself if it holds nothing of yours`, ExitCode.outputExists);
      if (!args.force) throw new CliError(`${displayPath(out)} already exists; pass --force to replace it, or choose another --out`, ExitCode.outputExists);
    }
    if (!same) writeFileAtomically(out, page);
    if (args.json) process.stdout.write(JSON.stringify({ file: displayPath(out), scenario: input.scenario.meta.id, bytes: Buffer.byteLength(page) }) + '\n');
    else process.stdout.write(`Wrote ${displayPath(out)}${same ? ' (already up to date)' : ''}: open it in a browser; the model runs in the page, offline.\n`);
  },
};
