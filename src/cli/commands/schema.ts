/** `coalsim schema [kind]`: print the JSON Schema of the scenario (or experiment) format, for editors. */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { experimentJsonSchema } from '../../experiment/schema';
import { fitJsonSchema } from '../../fit/schema';
import { scenarioJsonSchema } from '../../scenario/jsonSchema';
import { schemaToMarkdown } from '../../scenario/markdown';

interface SchemaArgs {
  kind: 'scenario' | 'experiment' | 'fit';
  markdown: boolean;
}

/** What the loader accepts beyond the fields (validate.ts, encoding.ts, limits.ts), for both formats. */
const FILE_NOTES =
  'Files are JSONC: UTF-8 JSON that may have `//` and `/* */` comments and trailing commas (VS Code\'s "JSON with Comments"); a UTF-8 byte-order mark is ignored. ' +
  'UTF-16 and other encodings are refused with a message saying so, as are duplicate keys (both places are named) and numbers beyond a double (1e400). ' +
  'Files are limited in size, nesting depth and string length (see "Limits" in README.md). Text holds no control characters but tab and line feed (an escape sequence in a name would reach the terminal, the CSVs and the report).';

export const SCHEMA_DOC_INTRO: Record<SchemaArgs['kind'], [string, string]> = {
  scenario: ['Scenario format reference', 'Every field of a coalsim scenario file (formatVersion 2; version 1 files are read by migrating them, and `coalsim validate --migrate` rewrites them): type, default, allowed range and meaning. Money in constant US dollars, troops as headcount, time in rounds; per-soldier figures per soldier-year. See README.md for an example and docs/model.md for how the engine uses each field. ' + FILE_NOTES],
  experiment: ['Experiment format reference', 'Every field of a coalsim experiment file (formatVersion 1): type, default, allowed range and meaning. See docs/sweeps.md for examples. ' + FILE_NOTES],
  fit: ['Fit format reference', 'Every field of a coalsim fit file (formatVersion 1): type, default, allowed range and meaning. See docs/fit.md for the method and examples. ' + FILE_NOTES],
};

export const schemaCommand: CommandModule<object, SchemaArgs> = {
  command: 'schema [kind]',
  describe: 'Print the JSON Schema of the scenario (default), experiment or fit format (for editor completion)',
  builder: (y: Argv) =>
    y
      .positional('kind', { choices: ['scenario', 'experiment', 'fit'] as const, default: 'scenario' as const, describe: 'Which format' })
      .example('$0 schema > scenario.schema.json', 'Save it for your editor')
      .option('markdown', { type: 'boolean', default: false, describe: 'Print a Markdown field reference instead (docs/*-format.md)' })
      .example('$0 schema experiment > experiment.schema.json', 'The experiment format')
      .example('$0 schema fit > fit.schema.json', 'The fit format')
      .example('$0 schema --markdown > docs/scenario-format.md', 'Regenerate the field reference') as unknown as Argv<SchemaArgs>,
  handler: (args: ArgumentsCamelCase<SchemaArgs>) => {
    const schema = args.kind === 'experiment' ? experimentJsonSchema() : args.kind === 'fit' ? fitJsonSchema() : scenarioJsonSchema();
    if (args.markdown) {
      const [title, intro] = SCHEMA_DOC_INTRO[args.kind];
      process.stdout.write(schemaToMarkdown(schema, title, intro) + '\n');
    } else process.stdout.write(JSON.stringify(schema, null, 2) + '\n');
  },
};
