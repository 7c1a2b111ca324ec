/**
 * The Nov 2010 ISAF cross-section (data/isaf_2010_crosssection.csv): parsing and the
 * regression sample. Pure: the caller reads the file.
 */
import { parse } from 'csv-parse/sync';

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
  /** Benson & Clinton alliance depth with the US, 0-1. */
  readonly depth: number;
  /** ATOP defence or offence pact with the US (1/0). */
  readonly usAlly: number;
  readonly cinc: number | null;
  /** In the theatre's COW region (see CvState.nearTheatre). */
  readonly nearTheatre?: boolean;
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

function num(v: string | undefined): number | null {
  if (v === undefined || v.trim() === '') return null;
  const x = Number(v);
  return Number.isFinite(x) ? x : null;
}

export function parseIsafCsv(text: string): IsafRow[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  if (records.length === 0) throw new Error('isaf data: no rows');
  const missing = REQUIRED.filter((c) => !(c in records[0]!));
  if (missing.length > 0) throw new Error(`isaf data: missing column(s) ${missing.join(', ')}`);
  return records.map((r) => {
    const wb = num(r.armed_forces_wb_iiss);
    const cow = num(r.milper_cow);
    const armedForces = wb !== null && wb > 0 ? wb : cow ?? 0;
    return {
      ccode: num(r.ccode) ?? 0,
      iso3: r.iso3!,
      country: r.country!,
      isafTroops: num(r.isaf_troops) ?? 0,
      armedForces: Math.round(armedForces),
      observedShare: num(r.share_of_armed_forces),
      agreeUs: num(r.agree_us) ?? 0,
      depth: num(r.bc_depth_01) ?? 0,
      usAlly: num(r.atop_milsup_us) ?? 0,
      cinc: num(r.cinc),
      logGdp: num(r.log_gdp),
      logGdppc: num(r.log_gdppc),
      polyarchy: num(r.vdem_polyarchy),
    };
  });
}

/**
 * The states in the replication: an observed share (armed forces known and positive) and
 * GDP per capita (the cost rules need it). With the Nov 2010 file this is 165 states: the
 * 166 with a share less North Korea (no GDP figures).
 */
export function replicationSample(rows: readonly IsafRow[]): IsafRow[] {
  return rows.filter((r) => r.observedShare !== null && r.armedForces > 0 && r.logGdppc !== null && r.iso3 !== 'USA');
}
