/** `coalsim compare`: the teaching pair open/discreet, compared as a user would. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim, tempDir } from '../helpers/cli';

describe('coalsim compare', () => {
  const dir = tempDir('coalsim-compare-');
  const a = join(dir, 'open');
  const b = join(dir, 'discreet');

  beforeAll(() => {
    expect(coalsim(['run', 'teaching-information-open', '--out', a, '--no-charts']).status).toBe(0);
    expect(coalsim(['run', 'teaching-information-discreet', '--out', b, '--no-charts']).status).toBe(0);
  });

  it('writes compare.html, side-by-side PNGs and differences.json whose numbers are each run\'s summary', () => {
    const out = join(dir, 'cmp');
    const r = coalsim(['compare', a, b, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Cost per foreign soldier-year \(US\$\): \$[\d,]+ \| \$[\d,]+/);
    const table = JSON.parse(readFileSync(join(out, 'differences.json'), 'utf8')) as { measures: { key: string; values: (number | null)[] }[] };
    const sa = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8')) as { costs: { costPerForeignSoldierYear: number }; power: { reversals: number } };
    const sb = JSON.parse(readFileSync(join(b, 'summary.json'), 'utf8')) as { costs: { costPerForeignSoldierYear: number }; power: { reversals: number } };
    const cost = table.measures.find((m) => m.key === 'costPerForeignSoldierYear')!;
    expect(cost.values).toEqual([sa.costs.costPerForeignSoldierYear, sb.costs.costPerForeignSoldierYear]);
    expect(table.measures.find((m) => m.key === 'reversals')!.values).toEqual([sa.power.reversals, sb.power.reversals]);
    const page = readFileSync(join(out, 'compare.html'), 'utf8');
    expect(page).toContain('<th>B − A</th>');
    // A difference of two shares is in percentage points (it read "−18%", as if relative).
    expect(page).toMatch(/Mean share of the surplus to partners<\/td>.*<td class="num">[+−]\d+ points \([+−]\d+%\)<\/td>/);
    // Each run is named with its folder, so two runs of one scenario and seed are told apart.
    expect(page).toMatch(/from <code>[^<]*open<\/code>/);
    expect(r.stdout).toMatch(/A = teaching-information-open \(seed 1\) from \S*open, B = teaching-information-discreet \(seed 1\) from \S*discreet/);
    expect(page).toContain('id="chart-r0-bargaining-power"');
    expect(page).toContain('id="chart-r1-bargaining-power"');
    if (existsSync(join(out, 'charts'))) {
      const png = readFileSync(join(out, 'charts', 'bargaining-power.png'));
      // Two 1600-pixel charts side by side: 3200 pixels wide (PNG width at bytes 16-19).
      expect(png.readUInt32BE(16)).toBe(3200);
    }
  });

  it('a run folder that does not exist, or is a file, is refused with exit 3 (as report, explain and analyze), naming it', () => {
    const missing = coalsim(['compare', a, join(dir, 'missing')]);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain(`${join(dir, 'missing')}: no such directory. Give output directories of \`coalsim run\``);
    const file = coalsim(['compare', join(a, 'summary.json'), b]);
    expect(file.status).toBe(3);
    expect(file.stderr).toContain(`${join(a, 'summary.json')} is a file, not a directory`);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('needs at least two runs, and refuses to overwrite without --force', () => {
    expect(coalsim(['compare', a]).status).toBe(2);
    const out = join(dir, 'twice');
    expect(coalsim(['compare', a, b, '--out', out, '--no-charts']).status).toBe(0);
    expect(coalsim(['compare', a, b, '--out', out, '--no-charts']).status).toBe(4);
    // Its own manifest makes it coalsim's: --force replaces it (it was refused as a stranger's folder).
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { tool: string; files: { name: string }[] };
    expect(manifest.tool).toBe('coalsim');
    expect(manifest.files.map((f) => f.name).sort()).toEqual(['compare.html', 'differences.json']);
    expect(coalsim(['compare', a, b, '--out', out, '--no-charts', '--force']).status).toBe(0);
    // ...but never with a file of the user's in it.
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const refused = coalsim(['compare', a, b, '--out', out, '--no-charts', '--force']);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toMatch(/notes\.txt/);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    // Never into a run being compared: --force would have replaced the run with the comparison.
    const before = readFileSync(join(a, 'summary.json'), 'utf8');
    const into = coalsim(['compare', a, b, '--out', a, '--force', '--no-charts']);
    expect(into.status).toBe(4);
    expect(into.stderr).toMatch(/is, holds or lies inside the input/);
    expect(readFileSync(join(a, 'summary.json'), 'utf8')).toBe(before);
  });
});
