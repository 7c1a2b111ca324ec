import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CSV_READ_OPTIONS } from '../../src/output/csv';
import { auc, lexicographicRanks } from '../../src/replication/stats';
import { coalsim, tempDir } from '../helpers/cli';

describe('coalsim replicate isaf (built CLI)', () => {
  it('--json prints the interface scripts read', () => {
    const r = coalsim(['replicate', 'isaf', '--json', '--seeds', '2']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { simulated: { coef: number; ciLow: number; n: number }; observed: { coef: number }; spearman: { rho: number; n: number }; potential: string };
    expect(j.potential).toBe('agree_us - bc_depth_01');
    expect(j.simulated.coef).toBeGreaterThan(0);
    expect(j.simulated.ciLow).toBeGreaterThan(0);
    expect(j.observed.coef).toBeGreaterThan(0);
    expect(j.spearman.rho).toBeGreaterThan(0);
    expect(j.spearman.n).toBe(165);
  });

  it('--out writes the tidy files and manifest, identical for the same seeds, and refuses to overwrite without --force', () => {
    const dir = tempDir();
    const a = join(dir, 'a');
    const r = coalsim(['replicate', 'isaf', '--seeds', '2', '--out', a]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Spearman rho');
    for (const f of ['replication.csv', 'regression.csv', 'spearman.csv', 'summary.json', 'scenario.json', 'manifest.json']) expect(existsSync(join(a, f))).toBe(true);
    const csv = readFileSync(join(a, 'replication.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('iso3,country,armed_forces,observed_troops,observed_share,simulated_share,simulated_share_median,simulated_join_rate,potential,agree_us,similarity,bc_depth_01,us_ally,vdem_polyarchy,log_gdp,cinc');
    const again = coalsim(['replicate', 'isaf', '--seeds', '2', '--out', a]);
    expect(again.status).toBe(4);
    const b = join(dir, 'b');
    expect(coalsim(['replicate', 'isaf', '--seeds', '2', '--out', b, '--no-charts']).status).toBe(0);
    expect(readFileSync(join(b, 'regression.csv'), 'utf8')).toBe(readFileSync(join(a, 'regression.csv'), 'utf8'));
    expect(readFileSync(join(b, 'replication.csv'), 'utf8')).toBe(csv);
  });

  it('--help names the wars of the --mandate record, and says which the shipped participants file lacks', () => {
    const h = coalsim(['replicate', '--help']);
    expect(h.status).toBe(0);
    const flat = h.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('no: 163 Vietnam, 221 Kosovo, 225 Afghanistan 2001, 227 Iraq 2003; the shipped participants file has no rows for 221 and 225');
  });

  it('rejects a bad --seeds with exit 2', () => {
    expect(coalsim(['replicate', 'isaf', '--seeds', '0']).status).toBe(2);
  });
});

describe('coalsim replicate: out-of-sample options (built CLI)', () => {
  it('coalition needs exactly one outcome, and bad fold counts are usage errors', () => {
    const r = coalsim(['replicate', 'coalition']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/exactly one outcome, --war N .* or --troops FILE/);
    const k = coalsim(['replicate', 'isaf', '--cv', '--folds', '1']);
    expect(k.status).toBe(2);
    expect(k.stderr).toMatch(/--folds must be a whole number >= 2/);
  });

  it('coalition: --theatre only with --troops, --update-doc only with isaf --cv (exit 2)', () => {
    const t = coalsim(['replicate', 'coalition', '--war', '211', '--theatre', '645']);
    expect(t.status).toBe(2);
    expect(t.stderr).toMatch(/--theatre goes with coalition --troops FILE/);
    const u = coalsim(['replicate', 'coalition', '--war', '211', '--update-doc', join(tempDir('cv-doc'), 'x.md')]);
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/--update-doc regenerates the ISAF comparison/);
  });

  it('--update-doc replaces only the generated section: a file without its markers, or not UTF-8, is refused before any work and left as it was (exit 3)', () => {
    const dir = tempDir('cv-doc-refuse');
    const scenario = join(dir, 'target.json');
    const latin = join(dir, 'latin.md');
    writeFileSync(scenario, '{"formatVersion": 2}\n');
    writeFileSync(latin, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    for (const [file, why] of [[scenario, /has no generated comparison section.*left unchanged/], [latin, /not UTF-8 text.*left unchanged/]] as const) {
      const before = readFileSync(file);
      const r = coalsim(['replicate', 'isaf', '--cv', '--seeds', '1', '--update-doc', file]);
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(why);
      expect(readFileSync(file)).toEqual(before);
      expect(r.stdout).toBe('');
    }
  });

  it('isaf refuses the coalition-only options instead of ignoring them; --alliance names real alliances only (exit 2, 3)', () => {
    const w = coalsim(['replicate', 'isaf', '--war', '163', '--seeds', '1']);
    expect(w.status).toBe(2);
    expect(w.stderr).toMatch(/--war goes with replicate coalition/);
    const a = coalsim(['replicate', 'isaf', '--alliance', '3180', '--seeds', '1']);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain('Example: coalsim replicate coalition --war 163 --alliance 3260');
    const m = coalsim(['replicate', 'isaf', '--mandate', 'no', '--seeds', '1']);
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/--mandate goes with replicate coalition; ISAF had a UN mandate/);
    // Like the other coalition-only options, the refusal shows the command that takes it.
    expect(m.stderr).toContain('so replicate isaf sets no stance (docs/replication.md). Example: coalsim replicate coalition --war 163 --mandate no');
    expect(coalsim(['replicate', 'coalition', '--war', '163', '--alliance', '12', '--seeds', '1']).status).toBe(2);
    // The fold options shape only the --cv comparison: without --cv they are refused, not ignored (a researcher's trial).
    const f = coalsim(['replicate', 'isaf', '--folds', '3', '--fold-seed', '7', '--seeds', '1']);
    expect([f.status, f.stdout]).toEqual([2, '']);
    expect(f.stderr).toContain('--folds and --fold-seed set the folds of the out-of-sample comparison, which replicate isaf runs with --cv');
    expect(f.stderr).toContain('Example: coalsim replicate isaf --cv --folds 10');
  });
});

const SHARED = join(__dirname, '..', '..', '..', 'shared', 'data');
(existsSync(SHARED) ? describe : describe.skip)('coalsim replicate coalition --troops (built CLI, shared data)', () => {
  const dir = tempDir('troops');
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  it('refuses a state listed twice and the United States itself, naming the rows (exit 3)', () => {
    const dup = coalsim(['replicate', 'coalition', '--year', '2003', '--troops', file('dup.csv', 'iso3,troops\nGBR,45000\nGBR,100\n'), '--seeds', '1']);
    expect(dup.status).toBe(3);
    expect(dup.stderr).toMatch(/dup\.csv: row 3: GBR already appears on row 2/);
    const usa = coalsim(['replicate', 'coalition', '--year', '2003', '--troops', file('usa.csv', 'iso3,troops\nGBR,45000\nUSA,1\n'), '--seeds', '1']);
    expect(usa.status).toBe(3);
    expect(usa.stderr).toMatch(/row 3: the United States is the pivotal state/);
  });
  it('a year before or after the data is refused the same way, naming the range the files cover (exit 3)', () => {
    const t = file('year.csv', 'iso3,troops\nGBR,5\n');
    const early = coalsim(['replicate', 'coalition', '--year', '1945', '--troops', t, '--seeds', '1']);
    const late = coalsim(['replicate', 'coalition', '--year', '2024', '--troops', t, '--seeds', '1']);
    expect([early.status, late.status]).toEqual([3, 3]);
    expect(early.stderr).toMatch(/no US military spending for 1945 \(the file covers 1946-2016\)/);
    expect(late.stderr).toMatch(/no UN voting data for 2024 \(the file covers 1946-2023\)/);
  });
  it('comparison.md records the paths as given, so the same command from another folder writes the same files', () => {
    const t = file('same.csv', 'iso3,troops\nGBR,45000\nAUS,2000\n');
    const outs = ['a', 'b'].map((w) => {
      const out = join(dir, `cmp-${w}`);
      const r = coalsim(['replicate', 'coalition', '--year', '2003', '--troops', t, '--shared-data', SHARED, '--seeds', '1', '--out', out], { cwd: w === 'a' ? dir : tempDir('elsewhere') });
      expect(r.status).toBe(0);
      return out;
    });
    const [a, b] = outs.map((o) => readFileSync(join(o!, 'comparison.md'), 'utf8'));
    expect(a).toBe(b);
    expect(a).toContain(`--troops ${t} --shared-data ${SHARED}`);
    expect(readFileSync(join(outs[0]!, 'summary.json'), 'utf8')).toBe(readFileSync(join(outs[1]!, 'summary.json'), 'utf8'));
  });
  it('refuses a code of no state at all, naming the row (exit 3): a COW abbreviation is not an ISO3 code', () => {
    const r = coalsim(['replicate', 'coalition', '--year', '2003', '--troops', file('typo.csv', 'iso3,troops\nGBR,45000\nFRN,300\n'), '--seeds', '1']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/typo\.csv: row 3: "FRN" is the ISO3 code of no state in the shared data .*France is FRA/);
    const cc = coalsim(['replicate', 'coalition', '--year', '2003', '--troops', file('typo2.csv', 'ccode,troops\n200,45000\n2200,300\n'), '--seeds', '1']);
    expect(cc.status).toBe(3);
    expect(cc.stderr).toMatch(/typo2\.csv: row 3: ccode 2200 is the COW code of no state in the shared data/);
  });
  it('names rows whose state has no data that year, and lists the theatre and every dropped state in --json', () => {
    // Taiwan is a state of the data (NMC) but has no UN voting record after 1971: not scored, said so.
    const r = coalsim(['replicate', 'coalition', '--year', '2003', '--troops', file('unk.csv', 'iso3,troops\nGBR,45000\nAUS,2000\nTWN,5\n'), '--theatre', '645', '--seeds', '1', '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { coalition: { unmatched: string[]; dropped: string[]; theatre: { opponents: number[]; nearStates: string[] } }; notes: string[] };
    expect(j.coalition.unmatched).toEqual(['TWN: no UN voting record for 2003 (not a UN member that year)']);
    expect(j.notes.join('\n')).toMatch(/not scored, for want of data: TWN: no UN voting record for 2003/);
    expect(j.coalition.theatre.opponents).toEqual([645]);
    expect(j.coalition.theatre.nearStates).toEqual(expect.arrayContaining(['SAU', 'JOR', 'KWT']));
    // The note names the opponent and the threat each state in its region feels.
    expect(j.notes.join('\n')).toMatch(/Theatre \(regional-threat motive\): the COW region\(s\) of Iraq \(645\); \d+ state\(s\) in them, with the threat each feels .*KWT 1\.00/);
    expect(j.coalition.dropped.length).toBeGreaterThan(8);
    // Two contributors: the scores rest on a handful of states, and it says so.
    expect(j.notes.join('\n')).toMatch(/only 2 contributors in the case: every score rests on a handful of states/);
  });
  it('refuses a theatre code that is no state of the year (exit 3): 999 would tag all of Asia and Oceania', () => {
    const r = coalsim(['replicate', 'coalition', '--year', '2003', '--troops', file('th.csv', 'iso3,troops\nGBR,45000\n'), '--theatre', '999', '--seeds', '1']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/--theatre: 999 is the COW code of no state in 2003/);
  });
});

(existsSync(SHARED) ? describe : describe.skip)('coalsim replicate coalition --war --out (built CLI, shared data)', () => {
  it('predictions.csv lets a user recompute the within-fold AUC of summary.json; a COW war has no troop columns; comparison.md carries the warnings', () => {
    const out = join(tempDir('war-out'), 'vietnam');
    const r = coalsim(['replicate', 'coalition', '--war', '163', '--seeds', '2', '--folds', '2', '--out', out]);
    expect(r.status).toBe(0);
    const rows = parse(readFileSync(join(out, 'predictions.csv'), 'utf8'), { columns: true, ...CSV_READ_OPTIONS }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['scheme', 'fold', 'model', 'state', 'participation_score', 'tie_break', 'observed_participant', 'expected_troops', 'observed_troops']);
    // Participation only: the 0/1 outcome is observed_participant; no troop figure is observed or predicted.
    expect(new Set(rows.map((x) => x.observed_participant))).toEqual(new Set(['0', '1']));
    expect(rows.every((x) => x.expected_troops === '' && x.observed_troops === '')).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { schemes: { scheme: string; withinFold: { id: string; mean: number | null; folds: number }[]; models: { id: string; auc: { auc: number } | null }[] }[] };
    // The simulator's rows rank by participation_score, ties broken by tie_break (lexicographic); the baselines' have none.
    const scoreOf = (xs: Record<string, string>[]) => lexicographicRanks(xs.map((x) => Number(x.participation_score)), xs.every((x) => x.tie_break !== '') ? xs.map((x) => Number(x.tie_break)) : undefined);
    const aucOf = (xs: Record<string, string>[]) => auc(scoreOf(xs), xs.map((x) => x.observed_participant === '1')).auc;
    expect(rows.filter((x) => x.model === 'coalsim').every((x) => x.tie_break !== '')).toBe(true);
    expect(rows.filter((x) => x.model !== 'coalsim').every((x) => x.tie_break === '')).toBe(true);
    let checked = 0;
    for (const s of summary.schemes) {
      for (const m of s.models) {
        const mine = rows.filter((x) => x.scheme === s.scheme && x.model === m.id);
        expect(aucOf(mine)).toBeCloseTo(m.auc!.auc, 9);
        const folds = [...new Set(mine.map((x) => x.fold))].map((f) => mine.filter((x) => x.fold === f)).filter((xs) => new Set(xs.map((x) => x.observed_participant)).size === 2);
        const w = s.withinFold.find((x) => x.id === m.id)!;
        expect(folds).toHaveLength(w.folds);
        if (w.mean !== null) {
          expect(folds.reduce((a, xs) => a + aucOf(xs), 0) / folds.length).toBeCloseTo(w.mean, 9);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    const md = readFileSync(join(out, 'comparison.md'), 'utf8');
    expect(md.startsWith('`coalsim replicate coalition --seeds 2 --folds 2 --war 163`\n')).toBe(true);
    expect(md).not.toContain('<!--');
    expect(md).toContain('- Warning: 2 seeds per fold:');
    expect(md).toContain('- Warning: only 4 participants in the case');
    // What docs/replication.md says the manifest holds, the rules (with the mandate the case was run under) among them.
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Record<string, unknown> & { rules: Record<string, unknown>; inputs: Record<string, string> };
    for (const k of ['command', 'data', 'inputs', 'sharedData', 'similarityRule', 'seeds', 'folds', 'foldSeed', 'rules', 'constantsFittedPerFold', 'files']) expect(manifest).toHaveProperty(k);
    expect(manifest.rules.mandate).toBe(false);
    expect(manifest.rules.missionAllies).toBeNull();
    expect(Object.keys(manifest.inputs)).toContain('cow_war_participants_us_coalitions.csv');
  });
});

(existsSync(SHARED) ? describe : describe.skip)('coalsim replicate coalition --alliance (built CLI, shared data)', () => {
  it('refuses an id no state had that year, even beside a real one (exit 3), and names the members of the real one', () => {
    const bad = coalsim(['replicate', 'coalition', '--war', '163', '--alliance', '3260,9999', '--seeds', '1', '--folds', '2']);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(/--alliance 9999: no state had that alliance with the US in 1965/);
    const ok = coalsim(['replicate', 'coalition', '--war', '163', '--alliance', '3260,3260', '--seeds', '1', '--folds', '2', '--json']);
    expect(ok.status).toBe(0);
    const notes = (JSON.parse(ok.stdout) as { notes: string[] }).notes.join('\n');
    expect(notes).toContain('Alliance duty: only the pacts of ATOP alliance(s) 3260: 7 state(s) in the case, GBR, FRA, PAK, THA, PHL, AUS, NZL.');
  });
});

(existsSync(SHARED) ? describe : describe.skip)('seeds per fold (built CLI, shared data)', () => {
  it('the out-of-sample comparison runs 100 seeds per fold by default, the ISAF regression 20', () => {
    const cv = coalsim(['replicate', 'coalition', '--war', '163', '--folds', '2', '--json']);
    expect(cv.status).toBe(0);
    expect((JSON.parse(cv.stdout) as { seeds: number }).seeds).toBe(100);
    const reg = coalsim(['replicate', 'isaf', '--json']);
    expect(reg.status).toBe(0);
    expect((JSON.parse(reg.stdout) as { seeds: number }).seeds).toBe(20);
    expect(coalsim(['replicate', '--help']).stdout.replace(/\s+/g, ' ')).toContain('[default: 20 for the ISAF regression; 100 per fold with --cv and for coalition]');
  });
});

(existsSync(SHARED) ? describe : describe.skip)('coalsim replicate coalition --mandate (built CLI, shared data)', () => {
  interface MandateJson { authorised: boolean; from: string; record: { mandate: boolean; source: string } | null; stance: number | null; exempt: string; opposed: string[] }
  const run = (args: string[]) => {
    const r = coalsim(['replicate', 'coalition', ...args, '--seeds', '1', '--folds', '2', '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { notes: string[]; coalition: { mandate: MandateJson } };
    return { note: j.notes.find((n) => n.startsWith('UN mandate')), mandate: j.coalition.mandate };
  };
  it('reads the record for a COW war, says how many states oppose without one and lists them, and takes --mandate over the record while still naming it', () => {
    const vietnam = run(['--war', '163']);
    expect(vietnam.note).toMatch(/^UN mandate: none \(Vietnam War: no authorisation of force; the Council adopted no resolution on the war \(the US put it on the agenda in February 1966, without result\)\)\. States with no US defence pact of any kind \(atop_milsup_us 0, whatever --alliance names\) oppose the mission \(stance -0\.5: joining costs them their deployment cost again\): 68 of 108 states/);
    expect(vietnam.mandate).toMatchObject({ authorised: false, from: 'record', stance: -0.5, record: { mandate: false } });
    expect(vietnam.mandate.opposed).toHaveLength(68);
    // Neutral Sweden opposes; Australia (ANZUS, SEATO) and Britain (NATO) are exempt.
    expect(vietnam.mandate.opposed).toContain('SWE');
    expect(vietnam.mandate.opposed).not.toContain('AUS');
    expect(vietnam.mandate.opposed).not.toContain('GBR');
    // --alliance decides alliance duty, not the stance: the same states oppose with SEATO alone carrying duty.
    expect(run(['--war', '163', '--alliance', '3260']).mandate.opposed).toEqual(vietnam.mandate.opposed);
    const gulf = run(['--war', '211']);
    expect(gulf.note).toBe('UN mandate: yes (Gulf War: UNSC Resolution 678 (29 November 1990)); no state opposes the mission for want of one.');
    expect(gulf.mandate).toMatchObject({ authorised: true, from: 'record', stance: null, opposed: [] });
    const overridden = run(['--war', '211', '--mandate', 'no']);
    expect(overridden.note).toMatch(/^UN mandate: none \(as given with --mandate; the record says yes: Gulf War: UNSC Resolution 678/);
    expect(overridden.mandate).toMatchObject({ authorised: false, from: '--mandate', record: { mandate: true }, stance: -0.5 });
  });

  it('the manifest records the rule the simulation ran with (rules.mandate) and where it came from', () => {
    const out = join(tempDir(), 'vietnam');
    expect(coalsim(['replicate', 'coalition', '--war', '163', '--seeds', '1', '--folds', '2', '--out', out]).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { rules: { mandate: boolean }; mandate: { authorised: boolean; from: string; stance: number; opposed: string } };
    expect(manifest.rules.mandate).toBe(false);
    expect(manifest.mandate).toMatchObject({ authorised: false, from: 'record', stance: -0.5, opposed: '68 state(s) (summary.json: coalition.mandate.opposed)' });
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { coalition: { mandate: { opposed: string[] } } };
    expect(summary.coalition.mandate.opposed).toHaveLength(68);
  });

  it('a war on the mandate record but not in the participants file is refused the same way with or without --year (exit 2), with the fix', () => {
    for (const extra of [[], ['--year', '1999']]) {
      const r = coalsim(['replicate', 'coalition', '--war', '221', ...extra, '--seeds', '1', '--folds', '2']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/war 221 \(War for Kosovo\) is one of the US-led COW wars on record, but is not in .*cow_war_participants_us_coalitions\.csv/);
      expect(r.stderr).toMatch(/it has 151 Korean War; 163 Vietnam War, Phase 2; 211 Gulf War; 227 Invasion of Iraq\)\. Fix: .*--war 211.*pass --shared-data with that folder/);
    }
  });
});
