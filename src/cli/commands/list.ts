/** `coalsim list`: the bundled scenarios with a one-line description. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadScenarioFile } from '../../scenario/load';
import { BUNDLED_SCENARIOS, PACKAGE_ROOT } from '../paths';

interface ListArgs {
  json: boolean;
}

export const listCommand: CommandModule<object, ListArgs> = {
  command: 'list',
  describe: 'List the bundled scenarios',
  builder: (y: Argv) =>
    y
      .option('json', { type: 'boolean', default: false, describe: 'Print as JSON' })
      .example('$0 list', 'The bundled scenarios, with their ids and titles')
      .example('$0 run teaching-holdup', 'Then run one by its id')
      .example('$0 list --json', 'The same for scripts') as unknown as Argv<ListArgs>,
  handler: (args: ArgumentsCamelCase<ListArgs>) => {
    const files = readdirSync(BUNDLED_SCENARIOS).filter((f) => f.endsWith('.json')).sort();
    const rows = files.map((f) => {
      const path = join(BUNDLED_SCENARIOS, f);
      const r = loadScenarioFile(path).result;
      const file = relative(PACKAGE_ROOT, path);
      if (!r.ok) return { id: f.replace(/\.json$/, ''), file, title: '(invalid: run coalsim validate)', summary: '' };
      const first = r.value.meta.description.split(/(?<=\.)\s/)[0] ?? '';
      return { id: r.value.meta.id, file, title: r.value.meta.title, summary: first };
    });
    if (args.json) {
      process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      return;
    }
    const width = Math.max(...rows.map((r) => r.id.length));
    for (const r of rows) process.stdout.write(`${r.id.padEnd(width)}  ${r.title}\n${' '.repeat(width)}  ${r.file}: ${r.summary}\n`);
  },
};
