/** `coalsim schema`: print the JSON Schema of the scenario format, for editors. */
import type { CommandModule } from 'yargs';
import { scenarioJsonSchema } from '../../scenario/jsonSchema';

export const schemaCommand: CommandModule = {
  command: 'schema',
  describe: 'Print the JSON Schema of the scenario format (for editor completion)',
  builder: (y) => y.example('$0 schema > scenario.schema.json', 'Save it for your editor'),
  handler: () => {
    process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  },
};
