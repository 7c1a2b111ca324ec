/** Malformed scenarios through the real command handler: exit 3, a path on stderr, nothing written. */
import fc from 'fast-check';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { tempDir } from '../helpers/cli';
import { defaultScenarioText } from '../helpers/scenarios';

describe('coalsim run on malformed scenarios', () => {
  it('never writes a file and never prints a stack trace', async () => {
    const tmp = tempDir();
    const text = defaultScenarioText();
    const doc = JSON.parse(text);
    const keys = ['budget', 'rounds', 'thirdParties', 'maxTroops', 'selfFundedShare', 'id', 'demand', 'pricing'];
    const cases = fc.sample(
      fc.oneof(
        fc.nat(text.length - 2).map((cut) => text.slice(0, cut)),
        fc.tuple(fc.constantFrom(...keys), fc.constantFrom<unknown>(-5, 'x', null, 1e300, [], {})).map(([k, v]) => JSON.stringify(doc, (key, val) => (key === k ? v : val), 2)),
      ),
      { numRuns: 150, seed: 99 },
    );
    let stderr = '';
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      for (const [i, body] of cases.entries()) {
        const file = join(tmp, `case${i}.json`);
        writeFileSync(file, body);
        stderr = '';
        const dest = join(tmp, `out${i}`);
        const code = await main(['run', file, '--out', dest]);
        if (code === 0) continue; // a mutation that kept the scenario valid
        expect(code).toBe(3);
        expect(stderr).toMatch(new RegExp(`case${i}\\.json`));
        expect(stderr).not.toMatch(/\n\s+at /);
        expect(existsSync(dest)).toBe(false);
      }
    } finally {
      err.mockRestore();
      out.mockRestore();
    }
  });
});
