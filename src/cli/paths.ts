/** Where the package's own files live, wherever it is installed from. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// dist/cli/paths.js and src/cli/paths.ts are both two levels below the package root.
export const PACKAGE_ROOT = resolve(__dirname, '..', '..');
export const BUNDLED_SCENARIOS = resolve(PACKAGE_ROOT, 'scenarios');
export const DEFAULT_SCENARIO = resolve(BUNDLED_SCENARIOS, 'default.json');

export function packageVersion(): string {
  return (JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
