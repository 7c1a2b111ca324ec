/** JSON Schema export of the scenario format, for editors (committed as schema/scenario.schema.json). */
import { z } from 'zod';
import { ScenarioSchema } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  // io: 'input' documents what a user writes: fields with defaults are optional.
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' });
  return { ...schema, $id: 'https://coalsim.dev/schema/scenario.schema.json', title: 'coalsim scenario' };
}
