/**
 * A validation case for any US-led coalition and year, built from the shared data extracts
 * (/work/shared/data, see its README): armed forces, UN agreement with the US, alliance depth
 * and US-ally flag, and GDP per capita imputed from military spending per soldier (the
 * shared data has no GDP series). The outcome is either the participants of a COW war on the
 * US side, or a troops file. Pure: the caller reads the files and passes their text.
 */
import { parse } from 'csv-parse/sync';
import { CSV_READ_OPTIONS } from '../output/csv';
import type { CvState } from './baselines';
import type { CvCase } from './crossValidate';
import type { IsafRow } from './isafData';
import { ols } from './stats';
import { cowRegion } from './folds';
import { fitSimilarityRule, similarityOf, type SimilarityRule } from './similarity';

/** The text of the shared files a case needs (file names as in the shared data README). */
export interface SharedDataText {
  /** nmc_milper_1946_2016.csv */
  readonly nmc: string;
  /** armed_forces_wb_1985_2018.csv */
  readonly armedForcesWb: string;
  /** un_agreement_us_1946_2023.csv */
  readonly unAgreement: string;
  /** us_alliance_1946_2016.csv */
  readonly alliance: string;
}

export const SHARED_FILES: Readonly<Record<keyof SharedDataText, string>> = {
  nmc: 'nmc_milper_1946_2016.csv',
  armedForcesWb: 'armed_forces_wb_1985_2018.csv',
  unAgreement: 'un_agreement_us_1946_2023.csv',
  alliance: 'us_alliance_1946_2016.csv',
};

type Rec = Record<string, string>;

function records(text: string, file: string, required: readonly string[]): Rec[] {
  let rows: Rec[];
  try {
    rows = parse(text, { ...CSV_READ_OPTIONS, columns: true }) as Rec[];
  } catch (err) {
    // csv-parse names the line but not the file, and gives no fix.
    const message = (err as Error).message;
    const fix = /Record Length/i.test(message) ? 'every row needs as many comma-separated values as the header has columns' : 'give a plain comma-separated file with a header row (UTF-8, double quotes around values with commas)';
    throw new Error(`${file}: ${message}. Fix: ${fix}`);
  }
  if (rows.length === 0) throw new Error(`${file}: no rows. Fix: give a header row and one row per state`);
  const missing = required.filter((c) => !(c in rows[0]!));
  if (missing.length > 0) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`);
  return rows;
}

/** A plain decimal number, or null ("" or anything else: "0x10", "1,5" and "Inf" are not read as numbers). */
function num(v: string | undefined): number | null {
  if (v === undefined || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) return null;
  const x = Number(v);
  return Number.isFinite(x) ? x : null;
}

const US_CCODE = 2;

interface Nmc {
  readonly ccode: number;
  readonly iso3: string;
  readonly milper: number | null;
  readonly milex: number | null;
  readonly cinc: number | null;
}

const NMC_COLUMNS = ['ccode', 'year', 'iso3', 'milper_thousands', 'milex_thousands_usd', 'cinc'] as const;

function nmcYear(text: string, year: number): { nmc: Map<number, Nmc>; used: number; last: number } {
  return nmcOf(records(text, SHARED_FILES.nmc, NMC_COLUMNS), year);
}

/** The NMC figures of `year` (or the file's last year) from the file's parsed rows. */
function nmcOf(all: readonly Rec[], year: number): { nmc: Map<number, Nmc>; used: number; last: number } {
  const { rows, used, last } = yearRows(all, year, 'year');
  const nmc = new Map<number, Nmc>();
  for (const [ccode, r] of rows) {
    const milper = num(r.milper_thousands);
    const milex = num(r.milex_thousands_usd);
    // COW codes missing values as -9.
    nmc.set(ccode, { ccode, iso3: r.iso3 ?? '', milper: milper !== null && milper >= 0 ? milper * 1000 : null, milex: milex !== null && milex > 0 ? milex : null, cinc: num(r.cinc) });
  }
  return { nmc, used, last };
}

/**
 * The rows of `year` by COW code, read in one pass over the file; when `year` is past the file's
 * last year, the rows of that last year (`used` says which year was read, `last` the file's last).
 */
function byCcode(text: string, file: string, year: number, yearColumn: string, columns: readonly string[]): { rows: Map<number, Rec>; used: number; last: number } {
  return yearRows(records(text, file, ['ccode', yearColumn, ...columns]), year, yearColumn);
}

/** byCcode on rows already parsed (a file read once for several years). */
function yearRows(all: readonly Rec[], year: number, yearColumn: string): { rows: Map<number, Rec>; used: number; last: number } {
  let last = -Infinity;
  for (const r of all) {
    const y = num(r[yearColumn]);
    if (y !== null && y > last) last = y;
  }
  const used = Math.min(year, last);
  const rows = new Map<number, Rec>();
  for (const r of all) if (num(r[yearColumn]) === used && num(r.ccode) !== null) rows.set(num(r.ccode)!, r);
  return { rows, used, last };
}

/** log(milex per soldier / the US's milex per soldier) in the NMC data of one year; null where unknown. */
function relativeSpending(n: Nmc | undefined, us: Nmc): number | null {
  if (!n || n.milex === null || n.milper === null || n.milper <= 0 || us.milex === null || us.milper === null) return null;
  return Math.log(n.milex / n.milper / (us.milex / us.milper));
}

export interface GdpImputation {
  readonly intercept: number;
  readonly slope: number;
  readonly r2: number;
  readonly n: number;
}

/**
 * log GDP per capita (2010 US$) = a + b log(milex per soldier / US milex per soldier), OLS over
 * the Nov 2010 cross-section's states with both figures (NMC 2010 spending). Relative to the US
 * of the same year, so it carries to other years without a price index. On the shipped data:
 * n = 150, b = 0.93, R² = 0.75.
 */
export function fitGdpImputation(isafRows: readonly IsafRow[], nmcText: string): GdpImputation {
  const { nmc } = nmcYear(nmcText, 2010);
  const us = nmc.get(US_CCODE);
  if (!us) throw new Error(`${SHARED_FILES.nmc}: no United States row for 2010`);
  const pts = isafRows.flatMap((r) => {
    const x = relativeSpending(nmc.get(r.ccode), us);
    return x !== null && r.logGdppc !== null ? [{ x, y: r.logGdppc }] : [];
  });
  const fit = ols(pts.map((p) => p.y), pts.map((p) => [1, p.x]), ['intercept', 'log_relative_milex_per_soldier']);
  return { intercept: fit.coefficients[0]!.coef, slope: fit.coefficients[1]!.coef, r2: fit.r2, n: fit.n };
}

/**
 * The members (COW codes, sorted) of each of the ATOP alliances `atopIds` with the US in `year`
 * (the alliance file's `atopids`; its last year for later years), in one pass over the
 * file: the states whose defence pact a mission run by that alliance invokes (isaf.ts
 * `missionAllies`). An id no state had that year maps to [].
 */
export function allianceMembersById(allianceText: string, year: number, atopIds: readonly number[]): Map<number, number[]> {
  const { rows } = byCcode(allianceText, SHARED_FILES.alliance, year, 'year', ['atopids']);
  const out = new Map<number, Set<number>>(atopIds.map((id) => [id, new Set<number>()]));
  for (const r of rows.values()) {
    if (num(r.ccode) === US_CCODE) continue;
    for (const id of (r.atopids ?? '').split(/\s+/).filter((x) => x !== '').map(Number)) out.get(id)?.add(num(r.ccode)!);
  }
  return new Map([...out].map(([id, members]) => [id, [...members].sort((a, b) => a - b)]));
}

/** The states (COW codes, sorted) in any of the alliances `atopIds` in `year` (allianceMembersById). */
export function allianceMembers(allianceText: string, year: number, atopIds: readonly number[]): number[] {
  return [...new Set([...allianceMembersById(allianceText, year, atopIds).values()].flat())].sort((a, b) => a - b);
}

/** The year the United States entered a COW war (its start_year), or null when the war is not in the file. */
export function warStartYear(participantsText: string, warNum: number): number | null {
  const rows = records(participantsText, 'cow_war_participants_us_coalitions.csv', ['war_num', 'ccode', 'start_year']);
  const us = rows.find((r) => num(r.war_num) === warNum && num(r.ccode) === US_CCODE);
  return us ? num(us.start_year) : null;
}

/**
 * The threat a war's state opponents pose to a state of their COW region, 0-1: their aggregate
 * power over its own, min(1, sum of the opponents' CINC / the state's CINC). Balance of threat
 * (Walt 1987, The Origins of Alliances): threat rises with the aggressor's aggregate power and
 * its proximity; the region stands for proximity, and power is measured as COW's composite index
 * of national capability (NMC) in the year before the case year. A neighbour the aggressor outweighs is fully threatened (Kuwait
 * and Saudi Arabia by Iraq in 1990, every Asian state by China in 1950); a great power of the
 * region is hardly threatened by a weak opponent (Russia by Yugoslavia in 1999, Japan or
 * Australia by Taliban Afghanistan in 2001, states the region alone put in the theatre). Unknown
 * CINCs: 1 (the region alone, the rule before 2026-12-07).
 */
export function regionalThreat(ownCinc: number | null, opponentCincs: readonly (number | null)[]): number {
  const known = opponentCincs.filter((c): c is number => c !== null);
  if (ownCinc === null || !(ownCinc > 0) || known.length === 0) return 1;
  return Math.min(1, known.reduce((a, c) => a + c, 0) / ownCinc);
}

/** Every state the shared data knows in any year (the parsed UN voting and NMC rows): COW codes, ISO3 codes, names. */
function knownStates(...files: readonly (readonly Rec[])[]): { ccodes: Set<number>; iso3: Set<string>; names: Map<number, string> } {
  const ccodes = new Set<number>();
  const iso3 = new Set<string>();
  const names = new Map<number, string>();
  for (const rows of files) {
    for (const r of rows) {
      const c = num(r.ccode);
      if (c !== null) ccodes.add(c);
      if (c !== null && r.country) names.set(c, r.country);
      if (r.iso3) iso3.add(r.iso3.trim().toUpperCase());
    }
  }
  return { ccodes, iso3, names };
}

/** The wars a participants file has, for messages: "151 Korean War; 163 Vietnam War, Phase 2; ..." (names may hold commas). */
export function warList(participantsText: string): string {
  const rows = records(participantsText, 'cow_war_participants_us_coalitions.csv', ['war_num', 'war_name']);
  const wars = [...new Map(rows.map((r) => [num(r.war_num), r.war_name])).entries()].filter((w): w is [number, string | undefined] => w[0] !== null).sort((a, b) => a[0] - b[0]);
  return wars.map(([n, name]) => `${n} ${name ?? ''}`.trim()).join('; ');
}

/** The outcome: a COW war's participants on the US side (participation only), or observed troops per state. */
export type CoalitionOutcome =
  | { readonly kind: 'cow-war'; readonly participantsText: string; readonly warNum: number }
  | {
      readonly kind: 'troops';
      readonly troopsText: string;
      readonly file: string;
      /** COW codes of the state opponents (the theatre); none for a counter-insurgency like ISAF. */
      readonly theatre?: readonly number[];
    };

export interface CoalitionCaseResult {
  readonly case: CvCase;
  readonly year: number;
  /** States with data dropped, and why (one line each). */
  readonly dropped: readonly string[];
  /** Outcome rows with troops that matched no state of the case (an unknown code, or a state without the data): not scored. */
  readonly unmatched: readonly string[];
  /** The state opponents (COW codes, and names where the data gives them) and the states in their regions, with the threat each feels (CvState.threat). */
  readonly theatre: { readonly opponents: readonly number[]; readonly opponentNames: readonly string[]; readonly nearStates: readonly string[]; readonly threat: Readonly<Record<string, number>> };
  readonly imputation: GdpImputation;
  /** The similarity rule (similarity.ts), fitted on the reference file; null when it has too few ideal-point distances (agreement is then used as it is). */
  readonly similarity: SimilarityRule | null;
  /** States of the case whose similarity came from their ideal-point distance; the others used their raw agreement. */
  readonly similarityFromDistance: number;
  /** The year read from each source: `year` itself, or the file's last year when `year` is past it. */
  readonly dataYears: { readonly militaryCapabilities: number; readonly armedForces: number; readonly alliances: number; readonly unVoting: number };
}

/**
 * The states of `year` with armed forces (World Bank/IISS, else COW personnel), UN agreement
 * with the US and NMC military spending; alliance flags from ATOP/Benson & Clinton. A year past
 * a file's last one reads that last year (`dataYears` says which). The US is the pivotal and not a candidate; for a
 * COW war, the states fighting on the other side are not candidates either.
 * Throws with the file and the fix when the year is outside the data or the outcome is malformed.
 */
export function buildCoalitionCase(shared: SharedDataText, isafRows: readonly IsafRow[], year: number, outcome: CoalitionOutcome): CoalitionCaseResult {
  const imputation = fitGdpImputation(isafRows, shared.nmc);
  // Agreement is on each year's agenda; the similarity the rules read is on the reference
  // file's (Nov 2010), through the ideal-point distance (similarity.ts).
  const similarityRule = fitSimilarityRule(isafRows);
  // A year past a file's last one reads that last year (the nearest data there is: NMC and ATOP
  // end in 2016, the World Bank series in 2018), named in dataYears so the caller can say so.
  // The UN and NMC files are parsed once: read for the case year, the year before and any year.
  const nmcAll = records(shared.nmc, SHARED_FILES.nmc, NMC_COLUMNS);
  const unAll = records(shared.unAgreement, SHARED_FILES.unAgreement, ['ccode', 'year', 'agree_us', 'country']);
  const { nmc, used: nmcYearUsed, last: nmcLast } = nmcOf(nmcAll, year);
  const us = nmc.get(US_CCODE);
  if (!us || us.milex === null) throw new Error(`${SHARED_FILES.nmc}: no US military spending for ${year} (the file covers 1946-${nmcLast}); pick a year from 1946`);
  const { rows: wb, used: wbYear } = byCcode(shared.armedForcesWb, SHARED_FILES.armedForcesWb, year, 'year', ['armed_forces_wb_iiss']);
  const unRead = yearRows(unAll, year, 'year');
  // UN votes are the one source never carried forward: a year past them is refused.
  if (unRead.used !== year || unRead.rows.size === 0) throw new Error(`${SHARED_FILES.unAgreement}: no UN voting data for ${year} (the file covers 1946-${unRead.last}); pick a year in that range`);
  const un = unRead.rows;
  const { rows: al, used: allianceYear } = byCcode(shared.alliance, SHARED_FILES.alliance, year, 'year', ['atop_milsup_us', 'bc_depth_max_01']);
  const dataYears = { militaryCapabilities: nmcYearUsed, armedForces: wbYear, alliances: allianceYear, unVoting: year };

  // Every state of the data in any year: a code outside it is a typo (refused below), and names for messages.
  const known = knownStates(unAll, nmcAll);
  let label: string;
  const troops = new Map<number | string, number>();
  // Names of the outcome's states where its file gives them (COW: the state column), for messages.
  const names = new Map<number | string, string>();
  const excluded = new Set<number>([US_CCODE]);
  let troopsObserved: boolean;
  if (outcome.kind === 'cow-war') {
    const lines = records(outcome.participantsText, 'cow_war_participants_us_coalitions.csv', ['war_num', 'war_name', 'ccode', 'side']).map((r, i) => ({ r, line: i + 2 })).filter((x) => num(x.r.war_num) === outcome.warNum);
    const rows = lines.map((x) => x.r);
    if (rows.length === 0) throw new Error(`cow_war_participants_us_coalitions.csv: no war number ${outcome.warNum} (the file has ${warList(outcome.participantsText)})`);
    // A code of no state at all is a typo, not a state without data: refuse it, naming the row.
    for (const { r, line } of lines) {
      const cc = num(r.ccode);
      if (cc === null || !known.ccodes.has(cc)) throw new Error(`cow_war_participants_us_coalitions.csv: row ${line}: ccode "${r.ccode ?? ''}" is the COW code of no state in the shared data (${SHARED_FILES.unAgreement}, ${SHARED_FILES.nmc}); correct it (e.g. 220 for France)`);
    }
    const usSide = rows.find((r) => num(r.ccode) === US_CCODE)?.side;
    if (usSide === undefined) throw new Error(`cow_war_participants_us_coalitions.csv: war ${outcome.warNum} has no United States row`);
    for (const r of rows) {
      // The US leads: the pivotal, never a candidate to score.
      if (num(r.ccode) === US_CCODE) continue;
      if (r.side === usSide) troops.set(num(r.ccode)!, 1);
      else excluded.add(num(r.ccode)!);
      if (r.state) names.set(num(r.ccode)!, r.state);
    }
    label = `${rows[0]!.war_name} (COW war ${outcome.warNum}), ${year}: participation on the US side`;
    troopsObserved = false;
  } else {
    const rows = records(outcome.troopsText, outcome.file, ['troops']);
    const hasIso = 'iso3' in rows[0]!;
    const hasCcode = 'ccode' in rows[0]!;
    if (!hasIso && !hasCcode) throw new Error(`${outcome.file}: needs an iso3 or a ccode column beside troops`);
    const seenAt = new Map<number | string, number>();
    rows.forEach((r, i) => {
      const t = num(r.troops);
      if (t === null || t < 0 || !Number.isInteger(t)) throw new Error(`${outcome.file}: row ${i + 2}: troops must be a whole number >= 0 in decimal digits, got "${r.troops ?? ''}"`);
      // With both columns a row may give either; the ISO3 code wins, and one naming another
      // state than its ccode (in the year's UN data) is refused rather than guessed.
      const iso = hasIso ? (r.iso3 ?? '').trim().toUpperCase() : '';
      const cc = hasCcode ? num(r.ccode) : null;
      if (iso !== '' && cc !== null) {
        const ccIso = un.get(cc)?.iso3;
        if (ccIso !== undefined && ccIso !== iso) throw new Error(`${outcome.file}: row ${i + 2}: iso3 ${iso} and ccode ${cc} (${ccIso} in the ${year} UN data) name different states; correct one of them`);
      }
      // With both columns, a ccode-only row is keyed by its ISO3 code, so the same state given
      // once by each is caught as a repeat below.
      const id = iso !== '' ? iso : hasIso && cc !== null ? un.get(cc)?.iso3 ?? cc : cc;
      if (id === null || id === '') throw new Error(`${outcome.file}: row ${i + 2}: the ${hasIso && hasCcode ? 'iso3 and the ccode are' : hasIso ? 'iso3 is' : 'ccode is'} empty or not a code (got ${[hasIso ? `iso3 "${r.iso3 ?? ''}"` : '', hasCcode ? `ccode "${r.ccode ?? ''}"` : ''].filter((x) => x !== '').join(', ')}); give one state per row`);
      // A second row for a state would silently replace the first: refuse, naming both rows.
      if (seenAt.has(id)) throw new Error(`${outcome.file}: row ${i + 2}: ${String(id)} already appears on row ${seenAt.get(id)}; give one row per state (add the contingents up)`);
      if (id === US_CCODE || id === 'USA') throw new Error(`${outcome.file}: row ${i + 2}: the United States is the pivotal state (the coalition's leader), not a candidate; remove its row`);
      seenAt.set(id, i + 2);
      troops.set(id, t);
    });
    // A code of no state at all is a typo, not a state without data: refuse it, naming the row.
    for (const [id, row] of seenAt) {
      if (typeof id === 'number' ? known.ccodes.has(id) : known.iso3.has(id)) continue;
      const hint = typeof id === 'string' && /^[A-Z]{3}$/.test(id) ? ' (COW abbreviations such as FRN, UKG or AUL are not ISO3 codes: France is FRA, the United Kingdom GBR, Australia AUS)' : '';
      throw new Error(`${outcome.file}: row ${row}: ${typeof id === 'number' ? `ccode ${id} is the COW code` : `"${id}" is the ISO3 code`} of no state in the shared data (${SHARED_FILES.unAgreement}, ${SHARED_FILES.nmc})${hint}; correct it`);
    }
    label = `${outcome.file}, ${year}: observed troops`;
    troopsObserved = true;
  }

  // The theatre: the COW regions of the state opponents (the war's other side, or --theatre).
  const opponents = outcome.kind === 'cow-war' ? [...excluded].filter((c) => c !== US_CCODE) : [...(outcome.theatre ?? [])];
  // A theatre code that is no state of the year would still tag a whole COW region (999: Asia and Oceania): refuse it.
  const unknownOpponent = opponents.find((c) => !nmc.has(c) && !un.has(c));
  if (unknownOpponent !== undefined) throw new Error(`--theatre: ${unknownOpponent} is the COW code of no state in ${year} (${SHARED_FILES.nmc}, ${SHARED_FILES.unAgreement}); give the codes of the state opponents, e.g. 645 for Iraq`);
  const theatre = new Set(opponents.map(cowRegion));
  // Power before the war (the year before the case year): a war's own destruction (Iraq's in
  // 1991) must not make its opponents look weak to their neighbours.
  const prewar = nmcOf(nmcAll, year - 1).nmc;
  const cincOf = (c: number): number | null => prewar.get(c)?.cinc ?? nmc.get(c)?.cinc ?? null;
  const threatTo = (ccode: number): number => regionalThreat(cincOf(ccode), opponents.filter((o) => cowRegion(o) === cowRegion(ccode)).map(cincOf));
  const dropped: string[] = [];
  const states: CvState[] = [];
  let fromDistance = 0;
  const whyDropped = new Map<number | string, string>();
  const unIso = new Set([...un.values()].map((u) => u.iso3));
  for (const [ccode, u] of [...un.entries()].sort((a, b) => a[0] - b[0])) {
    if (excluded.has(ccode)) continue;
    const n = nmc.get(ccode);
    const name = u.country ?? String(ccode);
    const iso3 = u.iso3 ?? n?.iso3 ?? String(ccode);
    const wbForces = num(wb.get(ccode)?.armed_forces_wb_iiss);
    const forces = wbForces !== null && wbForces > 0 ? wbForces : n?.milper ?? null;
    const rel = relativeSpending(n, us);
    const agree = num(u.agree_us);
    const drop = (why: string) => {
      dropped.push(`${name}: ${why}`);
      whyDropped.set(ccode, why).set(iso3, why);
    };
    if (forces === null || forces <= 0) drop(`no armed-forces figure for ${wbYear === nmcYearUsed ? wbYear : `${wbYear} (World Bank) or ${nmcYearUsed} (COW)`}`);
    else if (rel === null) drop(`no NMC military spending for ${nmcYearUsed} (needed for the cost rules)`);
    else if (agree === null) drop(`no UN agreement figure for ${year}`);
    else {
      const a = al.get(ccode);
      const distance = num(u.ideal_point_distance_us);
      if (similarityRule !== null && distance !== null) fromDistance++;
      states.push({
        id: iso3,
        name,
        ccode,
        armedForces: Math.round(forces),
        agreeUs: agree,
        similarity: similarityOf(agree, distance, similarityRule),
        depth: num(a?.bc_depth_max_01) ?? 0,
        usAlly: num(a?.atop_milsup_us) ?? 0,
        logGdppc: imputation.intercept + imputation.slope * rel,
        cinc: n?.cinc ?? null,
        nearTheatre: theatre.has(cowRegion(ccode)),
        ...(theatre.has(cowRegion(ccode)) ? { threat: threatTo(ccode) } : {}),
        troops: troops.get(ccode) ?? troops.get(iso3) ?? 0,
      });
    }
  }
  const unmatched: string[] = [];
  for (const [k, v] of troops) {
    if (v > 0 && !states.some((s) => s.ccode === k || s.id === k)) {
      const named = names.has(k) ? `${names.get(k)!} (${String(k)})` : String(k);
      // Why it is not scored: the reason it was dropped, else that the year's UN voting data has
      // no such state (not a UN member that year: a code of no state at all was refused above).
      const known = whyDropped.get(k);
      const inUn = typeof k === 'number' ? un.has(k) : unIso.has(k);
      const why = known ?? (inUn ? 'excluded (it fought on the other side)' : `no UN voting record for ${year} (not a UN member that year)`);
      if (known === undefined) dropped.push(`${named}: a participant with ${why} (not scored)`);
      unmatched.push(`${named}: ${why}`);
    }
  }
  if (states.filter((s) => s.troops > 0).length === 0) throw new Error(`${label}: no participant has the data needed; nothing to score`);
  return { case: { label, states, troopsObserved }, year, dropped, unmatched, theatre: { opponents, opponentNames: opponents.map((o) => names.get(o) ?? un.get(o)?.country ?? known.names.get(o) ?? String(o)), nearStates: states.filter((s) => s.nearTheatre === true).map((s) => s.id), threat: Object.fromEntries(states.filter((s) => s.nearTheatre === true).map((s) => [s.id, Math.round((s.threat ?? 1) * 100) / 100])) }, imputation, similarity: similarityRule, similarityFromDistance: fromDistance, dataYears };
}
