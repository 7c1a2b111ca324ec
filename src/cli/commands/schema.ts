/** `coalsim schema [kind]`: print the JSON Schema of the scenario (or experiment) format, for editors. */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { experimentJsonSchema } from '../../experiment/schema';
import { scenarioJsonSchema } from '../../scenario/jsonSchema';

interface SchemaArgs {
  kind: 'scenario' | 'experiment';
}

export const schemaCommand: CommandModule<object, SchemaArgs> = {
  command: 'schema [kind]',
  describe: 'Print the JSON Schema of the scenario (default) or experiment format (for editor completion)',
  builder: (y: Argv) =>
    y
      .positional('kind', { choices: ['scenario', 'experiment'] as const, default: 'scenario' as const, describe: 'Which format' })
      .example('$0 schema > scenario.schema.json', 'Save it for your editor')
      .example('$0 schema experiment > experiment.schema.json', 'The experiment format') as unknown as Argv<SchemaArgs>,
  handler: (args: ArgumentsCamelCase<SchemaArgs>) => {
    const schema = args.kind === 'experiment' ? experimentJsonSchema() : scenarioJsonSchema();
    process.stdout.write(JSON.stringify(schema, null, 2) + '\n');
  },
};
