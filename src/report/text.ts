/**
 * The narrative as terminal text: headings, wrapped paragraphs, key beats marked, optional
 * bold. Every sentence passes through safeField first: names and labels from a scenario
 * cannot send control sequences to the terminal. Pure.
 */
import { safeField } from '../output/terminalSafe';
import { blockHeading, foldQuiet, type Narrative, type StoryBlock } from './narrative';

export interface TextOptions {
  /** Wrap width in columns. */
  readonly width: number;
  readonly color: boolean;
  /** What one round is on the scenario's clock ("month"): headings read "Month 9". */
  readonly roundLabel: string;
  /** The number of rounds, for "Month t of T" headings (explain --step). */
  readonly totalRounds?: number;
}

/** Greedy word wrap; words longer than the width stay whole. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}

function heading(text: string, o: TextOptions): string {
  const t = safeField(text);
  return o.color ? `\x1b[1m${t}\x1b[22m` : t;
}

export function titleText(n: Narrative, meta: string, o: TextOptions): string {
  return `${heading(n.title, o)}\n${safeField(meta)}\n\n${heading('The scenario', o)}\n${wrap(safeField(n.scenario.join(' ')), o.width, '    ')}\n`;
}

/**
 * Each beat a list item: "  - " then continuation lines indented under its text. Key beats
 * are marked "  * " (and bold with colour), so a class sees what matters in the round.
 */
export function blockText(b: StoryBlock, o: TextOptions): string {
  const key = new Set(b.highlights);
  const items = b.sentences.map((s, i) => {
    const body = wrap(safeField(s), o.width, '    ').slice(4);
    if (!key.has(i)) return `  - ${body}`;
    return o.color ? `  * \x1b[1m${body}\x1b[22m` : `  * ${body}`;
  });
  return `${heading(blockHeading(b, o.roundLabel, o.totalRounds), o)}\n${items.join('\n')}\n`;
}

/** How it ended, then who paid what to whom when the run had payers, a lead nation or access deals. */
export function endingText(n: Narrative, o: TextOptions): string {
  const ending = `${heading('How it ended', o)}\n${wrap(safeField(n.ending.join(' ')), o.width, '    ')}\n`;
  if (n.whoPaid.length === 0) return ending;
  return `${ending}\n${heading('Who paid whom', o)}\n${n.whoPaid.map((s) => `  - ${wrap(safeField(s), o.width, '    ').slice(4)}`).join('\n')}\n`;
}

export function blocks(n: Narrative): StoryBlock[] {
  return foldQuiet(n.rounds);
}

/** The whole story at once (what a pipe gets). */
export function narrativeText(n: Narrative, meta: string, options: Omit<TextOptions, 'roundLabel'>): string {
  const o: TextOptions = { ...options, roundLabel: n.roundLabel };
  return [titleText(n, meta, o), ...blocks(n).map((b) => blockText(b, o)), endingText(n, o)].join('\n');
}
