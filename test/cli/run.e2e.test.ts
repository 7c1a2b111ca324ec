import { chmodSync, existsSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim, filesOf, tempDir } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';

const DATA_FILES = ['deals.csv', 'events.ndjson', 'manifest.json', 'offers.csv', 'payments.csv', 'rounds.csv', 'summary.json'];


describe('coalsim run', () => {
  const tmp = tempDir();
  const outA = join(tmp, 'a');
  const first = coalsim(['run', '--seed', '7', '--out', outA]);

  it('runs the default scenario and writes every output file', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    for (const f of DATA_FILES) expect(existsSync(join(outA, f))).toBe(true);
    expect(first.stdout).toContain('Stabilisation mission with a surge');
    expect(first.stdout).toMatch(/A foreign soldier-year cost \$[\d,]+/);
    expect(first.stdout).not.toMatch(/\x1b\[/);
    // Each member's type first (what drove the prices), its labels in this run in brackets when they say more.
    const summary = JSON.parse(readFileSync(join(outA, 'summary.json'), 'utf8')) as { coalition: { members: { id: string; name: string; type: string; labels: { label: string }[] }[] } };
    for (const m of summary.coalition.members) {
      const labels = m.labels.map((l) => l.label);
      const shown = labels.length === 0 || (labels.length === 1 && labels[0] === m.type) ? m.type : `${m.type} (${labels.join(' + ')})`;
      expect(first.stdout).toContain(`${m.name} (${m.id}), ${shown}\n`);
    }
  });

  it('the console summary counts hold-ups when there were any (teaching-holdup seed 1: one threat, paid)', () => {
    const out = join(tempDir(), 'th');
    const r = coalsim(['run', 'teaching-holdup', '--seed', '1', '--out', out, '--no-charts']);
    expect(r.status).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/Hold-ups: 1 threat; 1 paid \(concessions \$[\d.]+M\), 0 refused and withdrawn, 0 bluffs called; `coalsim explain /);
    const quiet = coalsim(['run', '--seed', '7', '--out', join(tempDir(), 'd'), '--no-charts']);
    expect(quiet.stdout).not.toMatch(/Hold-ups:/);
  });

  it('writes tidy CSVs with the documented headers, one row per round x agent', () => {
    const rounds = readFileSync(join(outA, 'rounds.csv'), 'utf8').trim().split('\n');
    expect(rounds[0]).toBe('round,agent_id,agent_name,role,status,troops,effort,effective_troops,capacity,deaths_cumulative,reservation_per_soldier_year,price_per_soldier_year,surplus_share,paid_this_round,paid_cumulative,demand,coalition_troops,coalition_effective_troops,shortfall,risk,supply,tightness,power_index,pivotal_discount,budget_total,budget_spent,budget_committed,budget_free');
    expect(readFileSync(join(outA, 'deals.csv'), 'utf8').split('\n')[0]).toBe('round,party,troops,price_per_soldier_year,subsidy_per_soldier_year,side_deal_items,side_deal_cost,side_deal_value,reservation,pivotal_reservation,ceiling,surplus_share,reversal,mechanism');
    expect(readFileSync(join(outA, 'offers.csv'), 'utf8').split('\n')[0]).toBe('round,party,exchange,by,price,response');
    // 24 rounds x (1 pivotal + 8 third parties)
    expect(rounds).toHaveLength(1 + 24 * 9);
    const payments = readFileSync(join(outA, 'payments.csv'), 'utf8').trim().split('\n');
    expect(payments[0]).toBe('round,payer,recipient,kind,cause,item,amount,value_to_recipient,via');
    const summary = JSON.parse(readFileSync(join(outA, 'summary.json'), 'utf8'));
    const ledgerTotal = payments.slice(1).filter((l) => l.includes(',subsidy,') || l.includes(',side-deal,')).reduce((a, l) => a + Number(l.split(',').at(-3)), 0); // amount: before value_to_recipient and via
    expect(Math.round(ledgerTotal * 100) / 100).toBe(summary.payments.total);
  });

  it('classifies the default scenario\'s recipients for the mechanism\'s reasons', () => {
    const summary = JSON.parse(readFileSync(join(outA, 'summary.json'), 'utf8'));
    const types = Object.fromEntries(summary.coalition.members.map((m: { id: string; type: string }) => [m.id, m.type]));
    expect(types).toMatchObject({ AUS: 'volunteer', COL: 'under-resourced', GEO: 'signaller', TUR: 'critical' });
    const turkey = summary.coalition.members.find((m: { id: string }) => m.id === 'TUR');
    expect(turkey.sideDealItems.length).toBeGreaterThan(0);
  });

  it('records provenance in the manifest', () => {
    const m = JSON.parse(readFileSync(join(outA, 'manifest.json'), 'utf8'));
    expect(m).toMatchObject({ tool: 'coalsim', seed: 7, node: process.version, scenario: { id: 'default' } });
    expect(m.scenario.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.files.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['summary.json', 'rounds.csv', 'payments.csv', 'events.ndjson']));
  });

  it('gives byte-identical outputs for the same scenario and seed, different ones for another seed', () => {
    const outB = join(tmp, 'b');
    expect(coalsim(['run', 'scenarios/default.json', '--seed', '7', '--out', outB]).status).toBe(0);
    const a = filesOf(outA);
    const b = filesOf(outB);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, content] of a) {
      if (name === 'manifest.json') {
        const strip = (buf: Buffer) => ({ ...JSON.parse(buf.toString()), command: null, scenario: { ...JSON.parse(buf.toString()).scenario, file: null } });
        expect(strip(b.get(name)!)).toEqual(strip(content));
      } else expect(b.get(name)!.equals(content)).toBe(true);
    }
    const outC = join(tmp, 'c');
    expect(coalsim(['run', '--seed', '8', '--out', outC]).status).toBe(0);
    expect(readFileSync(join(outC, 'events.ndjson')).equals(a.get('events.ndjson')!)).toBe(false);
  });

  it('a re-run that would write the same bytes leaves the directory alone and succeeds', () => {
    const before = statSync(join(outA, 'summary.json')).mtimeMs;
    const again = coalsim(['run', '--seed', '7', '--out', outA]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already up to date');
    expect(statSync(join(outA, 'summary.json')).mtimeMs).toBe(before);
  });

  it('says "already up to date" after the outputs\' path, never inside a command it suggests (the explain hint stays copyable)', () => {
    const out = join(tmp, 'holdup');
    expect(coalsim(['run', 'teaching-holdup', '--out', out, '--no-charts']).status).toBe(0);
    const again = coalsim(['run', 'teaching-holdup', '--out', out, '--no-charts']);
    expect(again.status).toBe(0);
    const plain = again.stdout.replace(/\s+/g, ' ');
    expect(plain).toContain(`coalsim explain ${out}\` tells each one`);
    expect(plain).toMatch(/Outputs: \S+ \(already up to date: same files, nothing written\)/);
  });

  it('refuses to overwrite results without --force, and replaces them with it', () => {
    const before = readFileSync(join(outA, 'summary.json'));
    const again = coalsim(['run', '--seed', '9', '--out', outA]);
    expect(again.status).toBe(4);
    expect(again.stderr).toContain('--force');
    expect(readFileSync(join(outA, 'summary.json')).equals(before)).toBe(true);
    const forced = coalsim(['run', '--seed', '9', '--out', outA, '--force']);
    expect(forced.status).toBe(0);
    expect(JSON.parse(readFileSync(join(outA, 'summary.json'), 'utf8')).seed).toBe(9);
    expect(readdirSync(tmp).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('prints the summary as JSON for scripts', () => {
    const r = coalsim(['run', '--json', '--out', join(tmp, 'json')]);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.scenario.id).toBe('default');
    expect(s.costs.ownSoldierCostPerYear).toBe(138465);
  });

  it('rejects a bad scenario with exit 3, the field path on stderr, and nothing written', () => {
    const bad = join(tmp, 'bad.json');
    const doc = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'default.json'), 'utf8'));
    doc.thirdParties[2].selfFundedShare = 2;
    doc.pivotal.budgt = 5;
    writeFileSync(bad, JSON.stringify(doc, null, 2));
    const out = join(tmp, 'never');
    const r = coalsim(['run', bad, '--out', out]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('thirdParties[2].selfFundedShare: must be <= 1, got 2');
    expect(r.stderr).toContain('pivotal.budgt: unknown field; did you mean "budget"?');
    expect(r.stderr).toMatch(/bad\.json:\d+:\d+/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a bad seed as a usage error', () => {
    const r = coalsim(['run', '--seed', '-3', '--out', join(tmp, 'seed')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--seed must be a whole number');
  });
});

describe('other commands', () => {
  it('validate: ok for bundled scenarios, exit 3 listing every problem otherwise', () => {
    const ok = coalsim(['validate', 'scenarios/default.json']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('ok  scenarios/default.json');
    const tmp = tempDir();
    writeFileSync(join(tmp, 'broken.json'), '{ "formatVersion": 1, ');
    const bad = coalsim(['validate', 'scenarios/default.json', join(tmp, 'broken.json'), join(tmp, 'missing.json')]);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toContain('truncated');
    expect(bad.stderr).toContain('file not found');
    const json = coalsim(['validate', '--json', join(tmp, 'broken.json')]);
    expect(json.status).toBe(3);
    expect(JSON.parse(json.stdout)[0].ok).toBe(false);
  });

  it('validate: recognises experiment files and checks them as experiments', () => {
    const tmp = tempDir();
    const exp = JSON.parse(readFileSync(join(ROOT, 'experiments', 'information-by-surge.json'), 'utf8'));
    exp.scenario = join(ROOT, 'scenarios', 'default.json');
    exp.replicatse = 3;
    writeFileSync(join(tmp, 'exp.json'), JSON.stringify(exp, null, 2));
    const r = coalsim(['validate', 'experiments/information-by-surge.json', join(tmp, 'exp.json')]);
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('ok  experiments/information-by-surge.json (experiment)');
    expect(r.stderr).toContain('replicatse: unknown field; did you mean "replicates"?');
  });

  it('validate: recognises fit files and checks them as fits (parameters resolve in their scenario)', () => {
    const tmp = tempDir();
    const fit = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'fits', 'korea-1950.fit.json'), 'utf8'));
    fit.scenario = join(ROOT, 'scenarios', 'korea-1950.json');
    fit.parameters[0].path = 'pivotal.bargaining.opennes';
    writeFileSync(join(tmp, 'bad.fit.json'), JSON.stringify(fit, null, 2));
    const r = coalsim(['validate', 'scenarios/fits/korea-1950.fit.json', join(tmp, 'bad.fit.json')]);
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('ok  scenarios/fits/korea-1950.fit.json (fit)');
    expect(r.stderr).toMatch(/parameters\.0\.path|parameters\[0\]/);
    expect(r.stderr).toMatch(/opennes/);
  });

  it('schema: prints the committed JSON Schema', () => {
    const r = coalsim(['schema']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'schema', 'scenario.schema.json'), 'utf8'));
  });

  it('schema --markdown: the committed field references are current', () => {
    expect(coalsim(['schema', '--markdown']).stdout).toBe(readFileSync(join(ROOT, 'docs', 'scenario-format.md'), 'utf8'));
    expect(coalsim(['schema', 'experiment', '--markdown']).stdout).toBe(readFileSync(join(ROOT, 'docs', 'experiment-format.md'), 'utf8'));
    expect(coalsim(['schema', 'fit', '--markdown']).stdout).toBe(readFileSync(join(ROOT, 'docs', 'fit-format.md'), 'utf8'));
  });

  it('list: names the bundled scenarios', () => {
    const r = coalsim(['list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('default');
    expect(r.stdout).toContain('scenarios/default.json');
  });

  it('--help works for every command; unknown commands are usage errors', () => {
    for (const cmd of [[], ['run'], ['validate'], ['schema'], ['list']]) {
      const r = coalsim([...cmd, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('coalsim');
    }
    const r = coalsim(['rnu']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command "rnu"; did you mean run\? Commands: run, validate/);
    const f = coalsim(['frobnicate']);
    expect(f.status).toBe(2);
    expect(f.stderr).toMatch(/^coalsim: unknown command "frobnicate"\. Commands: run, validate, schema/);
    for (const [cmd, what] of [['compare', /compare: name two or more run output directories/], ['analyze', /analyze: name the sweep output directory/], ['fit', /fit: name the fit file to run/]] as const) {
      const m = coalsim([cmd]);
      expect(m.status).toBe(2);
      expect(m.stderr).toMatch(what);
    }
  });
});

describe('validate --migrate', () => {
  it('rewrites a version-1 scenario file as version 2, explaining each change; a second run leaves it alone', () => {
    const tmp = tempDir();
    const file = join(tmp, 'old.json');
    const v2 = readFileSync(join(ROOT, 'scenarios', 'gulf-war-1991.json'), 'utf8');
    writeFileSync(file, v2.replace('"formatVersion": 2,', '"formatVersion": 1,'));
    const run = coalsim(['run', file, '--seed', '1', '--out', join(tmp, 'out')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('note: scenario format version 1 read as version 2 (migrated in memory)');
    const r = coalsim(['validate', '--migrate', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('to format version 2:');
    expect(r.stdout).toContain('formatVersion: set to 2 (version 1 -> 2): format version 2 adds access deals');
    expect(readFileSync(file, 'utf8')).toBe(v2);
    expect(readdirSync(tmp).filter((n) => n.includes('.coalsim-tmp-'))).toEqual([]);
    const again = coalsim(['validate', '--migrate', file]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already format version 2; unchanged');
  });

  it('keeps what the file was besides its text: a private mode, its hard links, a byte-order mark', () => {
    const tmp = tempDir();
    const file = join(tmp, 'private.json');
    const link = join(tmp, 'also.json');
    const v2 = readFileSync(join(ROOT, 'scenarios', 'gulf-war-1991.json'), 'utf8');
    writeFileSync(file, '\uFEFF' + v2.replace('"formatVersion": 2,', '"formatVersion": 1,'));
    chmodSync(file, 0o600);
    linkSync(file, link);
    const r = coalsim(['validate', '--migrate', file]);
    expect(r.status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(file).nlink).toBe(2);
    expect(readFileSync(link, 'utf8')).toBe('\uFEFF' + v2);
    expect(readdirSync(tmp).sort()).toEqual(['also.json', 'private.json']);
  });

  it('leaves a version-1 file that would not validate untouched, and says why (exit 3)', () => {
    const tmp = tempDir();
    const file = join(tmp, 'bad.json');
    const text = readFileSync(join(ROOT, 'scenarios', 'default.json'), 'utf8').replace('"formatVersion": 2,', '"formatVersion": 1,').replace('"rounds": 24', '"rounds": -1');
    writeFileSync(file, text);
    const r = coalsim(['validate', '--migrate', file]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('clock.rounds');
    expect(r.stderr).toContain('not migrated: the file is unchanged');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('leaves a write-protected version-1 file untouched (exit 3), though renaming over it would succeed (researcher\'s audit)', () => {
    const tmp = tempDir();
    const file = join(tmp, 'ro.json');
    const text = readFileSync(join(ROOT, 'scenarios', 'gulf-war-1991.json'), 'utf8').replace('"formatVersion": 2,', '"formatVersion": 1,');
    writeFileSync(file, text);
    chmodSync(file, 0o444);
    const r = coalsim(['validate', '--migrate', file]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('is write-protected (mode 0444)');
    expect(r.stderr).toContain('chmod u+w');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(tmp)).toEqual(['ro.json']);
  });
});

describe('a file given to the wrong command', () => {
  it('gets one line naming its kind and the command to use, exit 3, instead of a schema of problems', () => {
    const cases: [string[], RegExp][] = [
      [['sweep', 'scenarios/default.json'], /scenarios\/default\.json is a scenario file, not an experiment file: run it with `coalsim run scenarios\/default\.json`/],
      [['run', 'experiments/information-by-surge.json'], /is an experiment file, not a scenario file: run it with `coalsim sweep experiments\/information-by-surge\.json`/],
      [['fit', 'experiments/information-by-surge.json'], /is an experiment file, not a fit file: run it with `coalsim sweep/],
    ];
    for (const [args, message] of cases) {
      const r = coalsim([...args, '--out', join(tempDir(), 'x')]);
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    // A file that is no recognisable kind (a run's own summary.json, an empty object) gets its
    // problems as the command's kind, not advice to run it with another command.
    const runDir = join(tempDir(), 'r');
    expect(coalsim(['run', '--out', runDir, '--no-charts']).status).toBe(0);
    for (const cmd of ['run', 'sweep']) {
      const r = coalsim([cmd, join(runDir, 'summary.json'), '--out', join(tempDir(), 'x')]);
      expect(r.status).toBe(3);
      expect(r.stderr).not.toMatch(/run it with/);
      expect(r.stderr).toMatch(/problems? found/);
    }
  });
});
