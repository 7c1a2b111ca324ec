/**
 * The Nov 2010 ISAF cross-section (data/isaf_2010_crosssection.csv): parsing and the
 * regression sample. Pure: the caller reads the file.
 */
import { parse } from 'csv-parse/sync';
import { CSV_READ_OPTIONS } from '../output/csv';
import { fitSimilarityRule, similarityOf } from './similarity';

export interface IsafRow {
  readonly ccode: number;
  readonly iso3: string;
  readonly country: string;
  readonly isafTroops: number;
  /** World Bank/IISS armed forces, else COW military personnel (as the data's share uses). */
  readonly armedForces: number;
  /** ISAF troops / armed forces, Nov 2010; null when armed forces are unknown or zero. */
  readonly observedShare: number | null;
  readonly agreeUs: number;
  /** Distance between the state's and the US's UN ideal points (Bailey, Strezhnev & Voeten 2017); null or absent when unknown. */
  readonly idealDistance?: number | null;
  /**
   * The preference similarity the rules read (similarity.ts): the agreement a state at this
   * ideal-point distance has on the reference year's agenda; agree_us where the distance is unknown.
   */
  readonly similarity?: number;
  /** Benson & Clinton alliance depth with the US, 0-1. */
  readonly depth: number;
  /** ATOP defence or offence pact with the US (1/0). */
  readonly usAlly: number;
  readonly cinc: number | null;
  /** In the theatre's COW region (see CvState.nearTheatre). */
  readonly nearTheatre?: boolean;
  /** The opponents' threat to it, 0-1 (see CvState.threat); absent: 1 in the theatre. */
  readonly threat?: number;
  readonly logGdp: number | null;
  readonly logGdppc: number | null;
  readonly polyarchy: number | null;
}

/** The default construction: UN agreement with the US minus alliance depth (unclamped). */
export const POTENTIAL_NAME = 'agree_us - bc_depth_01';

export function alliancePotential(r: Pick<IsafRow, 'agreeUs' | 'depth'>): number {
  return r.agreeUs - r.depth;
}

const REQUIRED = ['ccode', 'iso3', 'country', 'isaf_troops', 'armed_forces_wb_iiss', 'milper_cow', 'share_of_armed_forces', 'agree_us', 'atop_milsup_us', 'bc_depth_01', 'cinc', 'log_gdp', 'log_gdppc', 'vdem_polyarchy'] as const;

/** A plain decimal number ("12", "-0.5", "3e4"); "" is missing (null). "0x10", "1,5" and "Inf" are not numbers here. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Ranges a value must lie in (inclusive), by column: shares, scores and flags. */
const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  isaf_troops: [0, Number.POSITIVE_INFINITY],
  armed_forces_wb_iiss: [0, Number.POSITIVE_INFINITY],
  milper_cow: [0, Number.POSITIVE_INFINITY],
  share_of_armed_forces: [0, 1],
  agree_us: [0, 1],
  atop_milsup_us: [0, 1],
  bc_depth_01: [0, 1],
  cinc: [0, 1],
  vdem_polyarchy: [0, 1],
  ideal_point_distance_us: [0, Number.POSITIVE_INFINITY],
};

/**
 * Parse the cross-section. Throws, naming the row (as a spreadsheet numbers it: the header is
 * row 1) and the column with the fix, on a value that is not a decimal number, one outside its
 * range (a share above 1, a negative count), a missing or repeated iso3 or ccode: each would
 * otherwise change the regression silently or fail later inside the model with no row to fix.
 * Each row's `similarity` is set by the rule fitted over the file (similarity.ts); without an
 * `ideal_point_distance_us` column (it is optional) it is agree_us.
 */
export function parseIsafCsv(text: string): IsafRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { ...CSV_READ_OPTIONS, columns: true }) as Record<string, string>[];
  } catch (err) {
    const message = (err as Error).message;
    throw new Error(`isaf data: ${message}. Fix: ${/Record Length/i.test(message) ? 'every row needs as many comma-separated values as the header has columns' : 'give a plain comma-separated file with a header row (UTF-8, double quotes around values with commas)'}`);
  }
  if (records.length === 0) throw new Error('isaf data: no rows');
  const missing = REQUIRED.filter((c) => !(c in records[0]!));
  if (missing.length > 0) throw new Error(`isaf data: missing column(s) ${missing.join(', ')}`);
  const seen = new Map<string, number>();
  const rows = records.map((r, i): IsafRow => {
    const row = i + 2;
    const num = (column: string): number | null => {
      const v = r[column];
      if (v === undefined || v.trim() === '') return null;
      if (!DECIMAL.test(v.trim())) throw new Error(`isaf data: row ${row}, ${column}: "${v}" is not a decimal number. Fix: write it in digits (e.g. 0.25), or leave it empty when unknown`);
      const x = Number(v);
      const range = RANGES[column];
      if (range !== undefined && (x < range[0] || x > range[1])) throw new Error(`isaf data: row ${row}, ${column}: ${v} is outside ${range[1] === Number.POSITIVE_INFINITY ? `>= ${range[0]}` : `${range[0]}-${range[1]}`}. Fix: check the value (${column === 'agree_us' || column === 'share_of_armed_forces' ? 'a share, not a percentage' : 'its source'})`);
      return x;
    };
    const iso3 = (r.iso3 ?? '').trim();
    if (iso3 === '') throw new Error(`isaf data: row ${row}: iso3 is empty. Fix: give each state's ISO 3166 alpha-3 code`);
    for (const key of [`iso3 ${iso3}`, ...(num('ccode') !== null ? [`ccode ${num('ccode')}`] : [])]) {
      const first = seen.get(key);
      if (first !== undefined) throw new Error(`isaf data: row ${row}: ${key} already appears on row ${first}. Fix: give one row per state`);
      seen.set(key, row);
    }
    const wb = num('armed_forces_wb_iiss');
    const cow = num('milper_cow');
    const armedForces = wb !== null && wb > 0 ? wb : cow ?? 0;
    return {
      ccode: num('ccode') ?? 0,
      iso3,
      country: r.country!,
      isafTroops: num('isaf_troops') ?? 0,
      armedForces: Math.round(armedForces),
      observedShare: num('share_of_armed_forces'),
      agreeUs: num('agree_us') ?? 0,
      idealDistance: num('ideal_point_distance_us'),
      depth: num('bc_depth_01') ?? 0,
      usAlly: num('atop_milsup_us') ?? 0,
      cinc: num('cinc'),
      logGdp: num('log_gdp'),
      logGdppc: num('log_gdppc'),
      polyarchy: num('vdem_polyarchy'),
    };
  });
  // The similarity scale is the file's own year (the reference for other years' cases, coalitionData.ts).
  const rule = fitSimilarityRule(rows);
  return rows.map((r) => ({ ...r, similarity: similarityOf(r.agreeUs, r.idealDistance, rule) }));
}

/**
 * The states in the replication: an observed share (armed forces known and positive) and
 * GDP per capita (the cost rules need it). With the Nov 2010 file this is 165 states: the
 * 166 with a share less North Korea (no GDP figures).
 */
export function replicationSample(rows: readonly IsafRow[]): IsafRow[] {
  return rows.filter((r) => r.observedShare !== null && r.armedForces > 0 && r.logGdppc !== null && r.iso3 !== 'USA');
}
