/**
 * `coalsim explain [scenario|out-dir]`: the story of a run in plain language, round by round,
 * ending with who paid what to whom when payers, a lead nation or access deals took part.
 * From a scenario file it runs the scenario; from an output directory it reads the saved run.
 * --step waits for a key between rounds (a class can follow along) when both ends are a
 * terminal; piped, it prints everything, without colour or prompts.
 */
import { existsSync, statSync } from 'node:fs';
import { emitKeypressEvents } from 'node:readline';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { runScenario } from '../../core/engine/run';
import { summarize } from '../../core/metrics/summary';
import { outputsFromFiles, OutputsError, readRunFiles } from '../../report/loadOutputs';
import { buildNarrative, type Narrative, type StoryBlock } from '../../report/narrative';
import { blocks, blockText, endingText, narrativeText, titleText, type TextOptions } from '../../report/text';
import { CliError, ExitCode } from '../exitCodes';
import { terminalWidth, useColor } from '../render/format';
import { safeField, safeJson } from '../../output/terminalSafe';
import { displayPath, parseSeed, requireScenario } from '../scenarioInput';
import { numberOption } from '../numberOptions';

interface ExplainArgs {
  scenario?: string;
  seed?: string;
  round?: string;
  step: boolean;
  json: boolean;
}

interface Story {
  readonly narrative: Narrative;
  readonly meta: string;
}

function storyFromDir(dir: string): Story {
  try {
    const o = outputsFromFiles(readRunFiles(dir));
    return { narrative: buildNarrative(o), meta: `Saved run in ${displayPath(dir)}: scenario ${o.scenario.meta.id}, seed ${o.summary.seed}.` };
  } catch (err) {
    if (err instanceof OutputsError) throw new CliError(`${displayPath(dir)}: ${err.message}`, ExitCode.invalidInput);
    throw err;
  }
}

function storyFromScenario(file: string | undefined, seedArg: string | undefined): Story {
  const seed = parseSeed(seedArg ?? '1');
  const input = requireScenario(file, true);
  const result = runScenario(input.scenario, seed);
  return { narrative: buildNarrative({ scenario: input.scenario, events: result.events, summary: summarize(result) }), meta: `Scenario ${input.file}, seed ${seed}.` };
}

/** --round as given (a string, so a mistyped value is echoed, not yargs' NaN), checked against the run's rounds. */
function checkRound(arg: string | undefined, n: Narrative): number | undefined {
  if (arg === undefined) return undefined;
  const round = /^\s*\d+\s*$/.test(arg) ? Number(arg) : Number.NaN;
  if (!Number.isInteger(round) || round < 1 || round > n.rounds.length) {
    throw new CliError(`--round must be a whole number from 1 to ${n.rounds.length}, got ${safeField(arg)}. Example: --round 9`, ExitCode.usage);
  }
  return round;
}

/** Wait for one key: true to go on, false to stop (q, Esc, Ctrl-C). */
function nextKey(): Promise<boolean> {
  return new Promise((resolve) => {
    const onKey = (_: string, key: { name?: string; ctrl?: boolean } | undefined): void => {
      process.stdin.off('keypress', onKey);
      const stop = key?.name === 'q' || key?.name === 'escape' || (key?.ctrl === true && key.name === 'c');
      resolve(!stop);
    };
    process.stdin.on('keypress', onKey);
  });
}

async function stepThrough(story: Story, start: number | undefined, o: TextOptions): Promise<void> {
  const all = blocks(story.narrative);
  const first = start === undefined ? 0 : Math.max(0, all.findIndex((b) => b.to >= start));
  const next = `[space/enter: next ${story.narrative.roundLabel} · q: quit · key events marked *]`;
  const prompt = o.color ? `\x1b[2m${next}\x1b[22m` : next;
  o = { ...o, totalRounds: story.narrative.rounds.length };
  process.stdout.write(titleText(story.narrative, story.meta, o) + '\n');
  emitKeypressEvents(process.stdin);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  try {
    for (let i = first; i < all.length; i++) {
      process.stdout.write(prompt);
      const go = await nextKey();
      process.stdout.write('\r\x1b[K');
      if (!go) return;
      process.stdout.write(blockText(all[i]!, o) + '\n');
    }
    process.stdout.write(prompt);
    const go = await nextKey();
    process.stdout.write('\r\x1b[K');
    if (go) process.stdout.write(endingText(story.narrative, o));
  } finally {
    process.stdin.setRawMode(false);
    process.stdin.pause();
  }
}

function jsonLines(n: Narrative, round: number | undefined): string {
  const lines: unknown[] = [];
  if (round === undefined) lines.push({ section: 'scenario', title: n.title, sentences: n.scenario });
  for (const r of n.rounds) if (round === undefined || r.round === round) lines.push({ section: 'round', round: r.round, quiet: r.quiet, sentences: r.sentences, highlights: r.highlights });
  if (round === undefined) lines.push({ section: 'ending', sentences: n.ending });
  if (round === undefined && n.whoPaid.length > 0) lines.push({ section: 'who-paid-whom', sentences: n.whoPaid });
  return lines.map((l) => safeJson(JSON.stringify(l))).join('\n') + '\n';
}

export const explainCommand: CommandModule<object, ExplainArgs> = {
  command: 'explain [scenario]',
  describe: 'Tell the story of a run in plain language, round by round',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario JSON file, the id of a bundled one, or an output directory of `coalsim run` (default: scenarios/default.json)' })
      .option('seed', numberOption('Random seed when running a scenario (default 1)'))
      .option('round', numberOption('Tell only this round (with --step: start here)'))
      .option('step', { type: 'boolean', default: false, describe: 'Wait for a key press between rounds (in a terminal)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON lines: {section, round, quiet, sentences}; sections scenario, round, ending and, with several payers, a lead nation or access deals, who-paid-whom' })
      .example('$0 explain', 'The default scenario, seed 1')
      .example('$0 explain teaching-holdup', 'A bundled scenario by id, seed 1')
      .example('$0 explain --step', 'One round per key press, for a class')
      .example('$0 explain out/default-seed1 --round 9', 'Round 9 of a saved run')
      .example('$0 explain scenarios/amisom-2012.json', 'Several payers: who paid what to whom, and why')
      .example('$0 explain --json | jq -r \'select(.round == 9) | .sentences[]\'', 'For scripts') as unknown as Argv<ExplainArgs>,
  handler: async (args: ArgumentsCamelCase<ExplainArgs>) => {
    const target = args.scenario;
    const isDir = target !== undefined && existsSync(target) && statSync(target).isDirectory();
    if (isDir && args.seed !== undefined) throw new CliError('--seed applies to a scenario file; a saved run already has its seed. Example: coalsim explain scenarios/default.json --seed 7', ExitCode.usage);
    const story = isDir ? storyFromDir(target) : storyFromScenario(target, args.seed);
    const n = story.narrative;
    const round = checkRound(args.round, n);
    if (args.json) {
      process.stdout.write(jsonLines(n, round));
      return;
    }
    const color = useColor(process.stdout);
    const o: TextOptions = { width: Math.max(40, Math.min(100, terminalWidth(process.stdout) - 1)), color, roundLabel: n.roundLabel };
    const interactive = args.step && process.stdin.isTTY === true && process.stdout.isTTY === true;
    if (interactive) return stepThrough(story, round, o);
    if (round !== undefined) {
      const r = n.rounds[round - 1]!;
      const block: StoryBlock = { from: r.round, to: r.round, sentences: r.sentences, highlights: r.highlights };
      process.stdout.write(blockText(block, o));
      return;
    }
    process.stdout.write(narrativeText(n, story.meta, o));
  },
};
