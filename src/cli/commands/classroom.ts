/**
 * `coalsim classroom [scenario]`: write one self-contained HTML page in which the engine runs
 * (bundled with esbuild): sliders, two panes side by side, live numbers and charts. Opens from
 * disk, fetches nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { engineBundle } from '../../classroom/bundle';
import { buildClassroomHtml } from '../../classroom/page';
import { writeFileAtomically } from '../../output/atomic';
import { reportAssets } from '../../report/assets';
import { CliError, ExitCode } from '../exitCodes';
import { displayPath, parseSeed, requireScenario } from '../scenarioInput';

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
      .option('seed', { type: 'string', default: '1', describe: 'Seed the panes start with (each pane can change it)' })
      .option('out', { type: 'string', describe: 'HTML file to write (default: out/<scenario-id>-classroom.html)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing file' })
      .option('json', { type: 'boolean', default: false, describe: 'Print {file, scenario, bytes} as JSON' })
      .example('$0 classroom teaching-scarcity', 'Slack against scarce demand, side by side; open out/teaching-scarcity-classroom.html')
      .example('$0 classroom teaching-information-open --out class.html', 'Open against discreet recruitment') as unknown as Argv<ClassroomArgs>,
  handler: (args: ArgumentsCamelCase<ClassroomArgs>) => {
    const seed = parseSeed(args.seed);
    const input = requireScenario(args.scenario);
    const out = args.out ?? `out/${input.scenario.meta.id}-classroom.html`;
    if (out.trim() === '') throw new CliError('--out must name a file, e.g. --out class.html', ExitCode.usage);
    let engine: string;
    try {
      engine = engineBundle();
    } catch (err) {
      throw new CliError(`cannot build the classroom page: ${(err as Error).message}`, ExitCode.internal);
    }
    const page = buildClassroomHtml({ scenario: input.scenario, seed, engine, assets: reportAssets() });
    const same = existsSync(out) && readFileSync(out, 'utf8') === page;
    if (existsSync(out) && !same && !args.force) throw new CliError(`${displayPath(out)} already exists; pass --force to replace it, or choose another --out`, ExitCode.outputExists);
    if (!same) writeFileAtomically(out, page);
    if (args.json) process.stdout.write(JSON.stringify({ file: displayPath(out), scenario: input.scenario.meta.id, bytes: Buffer.byteLength(page) }) + '\n');
    else process.stdout.write(`Wrote ${displayPath(out)}${same ? ' (already up to date)' : ''}: open it in a browser; the model runs in the page, offline.\n`);
  },
};
