/**
 * Every command's --help examples can be pasted into a shell: each line under "Examples:" is a
 * whole command (or a "# description" comment), never the wrapped tail of one. yargs wraps a long
 * command inside its half-width column (main.ts copyableExamples says how that is avoided).
 */
import { COMMANDS } from '../../src/cli/commandTable';
import { coalsim } from '../helpers/cli';

const names = COMMANDS.map((c) => c.command.split(' ')[0]!);

describe.each(names)('coalsim %s --help', (name) => {
  it('has examples, each a whole command or a comment', () => {
    const r = coalsim([name, '--help']);
    expect(r.status).toBe(0);
    const tail = r.stdout.split('\nExamples:\n')[1];
    expect(tail).toBeDefined();
    const lines = tail!.split('\n\n')[0]!.split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    // A line at the examples' indent starts a command (or is its comment); a description that
    // runs on is indented to its column. A wrapped command would put its tail at the indent.
    for (const line of lines.filter((l) => /^ {2}\S/.test(l))) expect(line).toMatch(/^ {2}(coalsim \S|bash \S|# \S)/);
    // A comment (one or more lines) describes the command that follows it.
    lines.forEach((line, i) => {
      if (line.startsWith('  # ')) expect(lines[i + 1]).toMatch(/^ {2}(coalsim |# )/);
    });
    expect(lines.at(-1)).not.toMatch(/^ {2}# /);
  });
});
