/** The narrative as terminal text: headings, wrapped paragraphs, optional bold. Pure. */
import { blockHeading, foldQuiet, type Narrative, type StoryBlock } from './narrative';

export interface TextOptions {
  /** Wrap width in columns. */
  readonly width: number;
  readonly color: boolean;
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
  return o.color ? `\x1b[1m${text}\x1b[22m` : text;
}

export function titleText(n: Narrative, meta: string, o: TextOptions): string {
  return `${heading(n.title, o)}\n${meta}\n\n${heading('The scenario', o)}\n${wrap(n.scenario.join(' '), o.width, '    ')}\n`;
}

/** Each beat a list item: "  - " then continuation lines indented under its text. */
export function blockText(b: StoryBlock, o: TextOptions): string {
  return `${heading(blockHeading(b), o)}\n${b.sentences.map((s) => '  - ' + wrap(s, o.width, '    ').slice(4)).join('\n')}\n`;
}

export function endingText(n: Narrative, o: TextOptions): string {
  return `${heading('How it ended', o)}\n${wrap(n.ending.join(' '), o.width, '    ')}\n`;
}

export function blocks(n: Narrative): StoryBlock[] {
  return foldQuiet(n.rounds);
}

/** The whole story at once (what a pipe gets). */
export function narrativeText(n: Narrative, meta: string, o: TextOptions): string {
  return [titleText(n, meta, o), ...blocks(n).map((b) => blockText(b, o)), endingText(n, o)].join('\n');
}
