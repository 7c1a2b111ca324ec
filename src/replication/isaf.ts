/**
 * Replication of the alliance-signalling finding (BRIEF §1, §4) on the Nov 2010 ISAF
 * cross-section: every state with data becomes a third party of a US-led, ISAF-surge-like
 * operation whose parameters follow documented rules from the data (docs/replication.md);
 * the model is run over seeds; and the simulated share of armed forces deployed is
 * regressed on alliance potential, like the observed share. Pure: no I/O.
 */
import { randomInt, uniformFrom } from '../analysis/random';
import { runScenario } from '../core/engine/run';
import { parseScenario } from '../scenario/load';
import type { Scenario, ScenarioInput } from '../scenario/schema';
import { alliancePotential, POTENTIAL_NAME, replicationSample, type IsafRow } from './isafData';
import { median, ols, spearman, type Coefficient, type OlsResult, type RankCorrelation } from './stats';
import { threatOf } from './baselines';
import { mandateStance } from './mandate';

/** The rule constants; every one is documented in docs/replication.md. */
export interface IsafOptions {
  /** Months simulated from Nov 2010. */
  readonly rounds: number;
  /** Foreign troops the US seeks from round 1. */
  readonly demand: number;
  /** US$ for payments to partners over the run. */
  readonly budget: number;
  /** c_P: a US soldier-year (BRIEF §4). */
  readonly usSoldierCostPerYear: number;
  /** L: value of one more flag per year. */
  readonly flagValuePerYear: number;
  /**
   * `deployableShare` of every state: with contingent choice (signalling on) it anchors the
   * political cost of a contingent (market/contingent.ts: the marginal soldier costs h more at
   * armedForces x deployableShare). Set at the cap, `maxDeployableShare`: the political price of
   * a contingent is judged against the most a state would deploy, the same for every state.
   */
  readonly baseDeployableShare: number;
  /** engine.operation.maxDeployableShare: the most a state would deploy to signal. */
  readonly maxDeployableShare: number;
  /** u_i = (interestPerAgreement * similarity + threatPerCost * T_i) * c_i, T_i the threat it feels in the theatre (0 elsewhere); similarity: UN agreement on the reference year's scale (similarity.ts). */
  readonly interestPerAgreement: number;
  /**
   * theta: the regional-threat motive, in soldier-costs, of a state in the COW region of a war's
   * state opponents, times the threat it feels (CvState.threat: the opponents' power over its
   * own, coalitionData.ts `regionalThreat`; balance of threat, Walt 1987). 1, the unit the
   * interest and signalling weights also use at full agreement and full potential.
   */
  readonly threatPerCost: number;
  /** s_i = signalPerCost * c_i: at full potential a signal is worth this share of a soldier's cost. */
  readonly signalPerCost: number;
  /** f_i = clamp((log GDP pc - selfFundedFrom) / selfFundedSpan, 0, 1). */
  readonly selfFundedFrom: number;
  readonly selfFundedSpan: number;
  /** e_i = clamp((c_i / c_P)^effectivenessElasticity, minEffectiveness, 1). */
  readonly effectivenessElasticity: number;
  readonly minEffectiveness: number;
  /** engine.operation.allianceReward. */
  readonly allianceReward: number;
  readonly costUncertainty: number;
  /** engine.operation.dutyWeight: the value of meeting alliance duty, as a multiple of lambda_i (c_i + h_i). */
  readonly dutyWeight: number;
  /**
   * The states (COW codes) whose defence pact with the US this mission invokes: a state's pact
   * is its `defencePact` (the milsup half of its duty, politics/alliance.ts) only if it is one of
   * them; null: every US defence pact counts. Alliance duty is owed to the alliance that runs or
   * invokes the mission, and only within the treaty's commitment: ISAF was NATO's mission (NATO
   * took command in August 2003 under UNSC resolution 1510), so a Rio Pact member or Japan owed
   * it no treaty duty, though their alliance depth still makes them partly bound (lambda_i =
   * (milsup + depth) / 2).
   */
  readonly missionAllies: readonly number[] | null;
  /**
   * The Security Council authorised the mission (replication/mandate.ts). Without a mandate a
   * state with no US defence pact (atop_milsup_us, any pact: the alliance compels, whichever
   * treaty it is) opposes the mission: missionStance `NO_MANDATE_STANCE`. ISAF had one
   * (UNSC resolutions 1386 and 1510).
   */
  readonly mandate: boolean;
}

/**
 * NATO's members in November 2010 besides the US: the states with ATOP alliance 3180 (the North
 * Atlantic Treaty) in the shared alliance extract for 2010 (us_alliance_1946_2016.csv,
 * `atopids`; a test checks the list against it). COW codes.
 */
export const NATO_2010: readonly number[] = [20, 200, 210, 211, 212, 220, 230, 235, 255, 290, 310, 316, 317, 325, 339, 344, 349, 350, 355, 360, 366, 367, 368, 385, 390, 395, 640];

export const DEFAULT_ISAF_OPTIONS: IsafOptions = {
  rounds: 12,
  demand: 50_000,
  budget: 1.7e9,
  usSoldierCostPerYear: 138_465,
  flagValuePerYear: 2e7,
  baseDeployableShare: 0.05,
  maxDeployableShare: 0.05,
  interestPerAgreement: 1,
  threatPerCost: 1,
  signalPerCost: 1,
  selfFundedFrom: 6.5,
  selfFundedSpan: 4,
  effectivenessElasticity: 1,
  minEffectiveness: 0.02,
  allianceReward: 0.5,
  costUncertainty: 0.1,
  dutyWeight: 1,
  missionAllies: NATO_2010,
  mandate: true,
};

/**
 * Recorded costs of one soldier-year (BRIEF §4) for states in the data: the anchors of the
 * cost rule. The US figure is the pivotal's own cost and not in the cross-section.
 */
export const RECORDED_SOLDIER_COSTS: Readonly<Record<string, number>> = {
  CAN: 137_054,
  FRA: 119_273,
  ITA: 156_181,
  BGD: 4_553,
  GHA: 5_555,
  IND: 9_768,
};

export interface CostRule {
  /** log c = intercept + slope * log GDP per capita */
  readonly intercept: number;
  readonly slope: number;
  readonly anchors: readonly { iso3: string; logGdppc: number; cost: number }[];
}

/** OLS of log recorded cost on log GDP per capita over the anchors found in the data. */
export function fitCostRule(rows: readonly IsafRow[]): CostRule {
  const anchors = rows
    .filter((r) => RECORDED_SOLDIER_COSTS[r.iso3] !== undefined && r.logGdppc !== null)
    .map((r) => ({ iso3: r.iso3, logGdppc: r.logGdppc!, cost: RECORDED_SOLDIER_COSTS[r.iso3]! }));
  if (anchors.length < 3) throw new Error(`isaf: fewer than 3 recorded soldier costs match the data, so the cost rule cannot be fitted. Fix: include at least 3 of ${Object.keys(RECORDED_SOLDIER_COSTS).join(', ')} (BRIEF §4's recorded costs) with log_gdppc (found ${anchors.length === 0 ? 'none' : anchors.map((a) => a.iso3).join(', ')})`);
  const fit = ols(anchors.map((a) => Math.log(a.cost)), anchors.map((a) => [1, a.logGdppc]), ['intercept', 'log_gdppc']);
  return { intercept: fit.coefficients[0]!.coef, slope: fit.coefficients[1]!.coef, anchors };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round2 = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

export interface PartyRule {
  readonly deploymentCostPerYear: number;
  readonly selfFundedShare: number;
  readonly intrinsicValuePerYear: number;
  readonly signallingValuePerYear: number;
  readonly effectiveness: number;
}

/** The documented rules that turn one row of data into a third party's parameters. */
export function partyRule(r: IsafRow, cost: CostRule, o: IsafOptions): PartyRule {
  const c = Math.exp(cost.intercept + cost.slope * r.logGdppc!);
  const similarity = clamp(r.similarity ?? r.agreeUs, 0, 1);
  return {
    deploymentCostPerYear: round2(c),
    selfFundedShare: round4(clamp((r.logGdppc! - o.selfFundedFrom) / o.selfFundedSpan, 0, 1)),
    intrinsicValuePerYear: round2((o.interestPerAgreement * similarity + o.threatPerCost * threatOf(r)) * c),
    signallingValuePerYear: round2(o.signalPerCost * c),
    effectiveness: round4(clamp((c / o.usSoldierCostPerYear) ** o.effectivenessElasticity, o.minEffectiveness, 1)),
  };
}

/** The mission stance the mandate rule sets (replication/mandate.ts), as a scenario field; {} where it sets none. */
function stanceOf(mandate: boolean, usAlly: number): { missionStance?: number } {
  const stance = mandateStance(mandate, usAlly);
  return stance === undefined ? {} : { missionStance: stance };
}

/**
 * The coalsim scenario for the Nov 2010 cross-section (input form; validate with parseScenario).
 * `cost` is the fitted soldier-cost rule; by default it is fitted on `rows` (cross-validation
 * passes the rule fitted on the training states).
 */
export function buildIsafScenario(rows: readonly IsafRow[], options: Partial<IsafOptions> = {}, cost: CostRule = fitCostRule(rows)): ScenarioInput {
  const o = { ...DEFAULT_ISAF_OPTIONS, ...options };
  const sample = replicationSample(rows);
  const thirdParties = sample.map((r) => {
    const rule = partyRule(r, cost, o);
    return {
      id: r.iso3,
      name: r.country,
      capability: r.cinc !== null ? { armedForces: r.armedForces, cinc: Math.min(1, r.cinc) } : { armedForces: r.armedForces },
      armedForces: r.armedForces,
      deployableShare: o.baseDeployableShare,
      ...rule,
      preferenceSimilarity: round4(clamp(r.similarity ?? r.agreeUs, 0, 1)),
      allianceDepth: round4(clamp(r.depth, 0, 1)),
      // atop_milsup_us: a military-support pact with the US, the source of an ally's duty floor
      // (politics/alliance.ts), when it is a pact this mission invokes (missionAllies).
      defencePact: r.usAlly >= 1 && (o.missionAllies === null || o.missionAllies.includes(r.ccode)),
      ...stanceOf(o.mandate, r.usAlly),
    };
  });
  return {
    formatVersion: 2,
    meta: {
      id: 'isaf-2010-replication',
      title: 'ISAF, November 2010: alliance signalling across every state with data',
      description:
        'Built by `coalsim replicate isaf` from data/isaf_2010_crosssection.csv: the United States seeks foreign troops for a year of an ISAF-surge-like operation; ' +
        'every state with data is a potential contributor whose armed forces, UN voting with the US (agreement predicted from ideal-point distance) and alliance depth come from the data, and whose costs, ' +
        'interest, signalling value and effectiveness follow the rules in docs/replication.md. Signalling is on: states with more unrealized alliance potential offer a larger share of their forces.',
      sources: [
        { id: 'isaf', citation: 'ISAF troop contributions, NATO figures reported by AFP, November 2010', note: 'observed contingents (never an input to the model)' },
        { id: 'wb', citation: 'World Bank WDI MS.MIL.TOTL.P1 (IISS Military Balance), CC BY 4.0; COW NMC v6.0 (Singer, Bremer & Stuckey 1972; Greig & Enterline 2021)', note: 'armedForces, capability.cinc' },
        { id: 'un', citation: 'Bailey, Strezhnev & Voeten (2017), Estimating Dynamic State Preferences from United Nations Voting Data, JCR 61(2); doi:10.7910/DVN/LEJUQZ', note: 'preferenceSimilarity = the agreement predicted from the ideal-point distance to the US (docs/replication.md)' },
        { id: 'atop', citation: 'ATOP v4 (Leeds et al. 2002); Benson & Clinton (2016), Assessing the Variation of Formal Military Alliances, JCR 60(5)', note: 'allianceDepth = bc_depth_01' },
        { id: 'brief-4', citation: 'coalsim BRIEF §4: recorded soldier costs; ISAF surge payments 2010-15 (about $9.4 billion)', note: 'ownSoldierCostPerYear, budget, the cost rule anchors' },
      ],
      tags: ['replication', 'signalling', 'historical'],
    },
    clock: { rounds: o.rounds, roundLabel: 'month', roundsPerYear: 12, start: '2010-11' },
    pivotal: {
      id: 'USA',
      name: 'United States',
      capability: { armedForces: 1_563_996 },
      budget: o.budget,
      ownSoldierCostPerYear: o.usSoldierCostPerYear,
      flagValuePerYear: o.flagValuePerYear,
      criticalPartnerValuePerYear: 0,
      bargaining: { strategy: 'equilibrium', patience: 0.95, urgency: 0.5, openness: 0.5, intelligence: 0.5 },
      demand: [{ fromRound: 1, troops: o.demand }],
    },
    thirdParties,
    engine: {
      pricing: { rule: 'negotiation', protocol: 'alternating-offers', deadline: 6 },
      costUncertainty: o.costUncertainty,
      operation: { deathsPerThousandPerRound: 0, signalling: true, maxDeployableShare: o.maxDeployableShare, allianceReward: o.allianceReward, ...(o.dutyWeight !== 1 ? { dutyWeight: o.dutyWeight } : {}) },
    },
  };
}

export function validIsafScenario(rows: readonly IsafRow[], options: Partial<IsafOptions> = {}, cost: CostRule = fitCostRule(rows)): Scenario {
  const r = parseScenario(JSON.stringify(buildIsafScenario(rows, options, cost)));
  if (!r.ok) throw new Error('isaf: the built scenario is invalid: ' + r.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return r.value;
}

/** Per state: peak troops / armed forces in each seed's run. */
export function simulatedShares(scenario: Scenario, seeds: readonly number[]): Map<string, number[]> {
  const out = new Map<string, number[]>(scenario.thirdParties.map((t) => [t.id, []]));
  for (const seed of seeds) {
    const run = runScenario(scenario, seed);
    for (const t of scenario.thirdParties) {
      let peak = 0;
      for (const s of run.states) peak = Math.max(peak, s.parties[t.id]!.troops);
      out.get(t.id)!.push(t.armedForces > 0 ? peak / t.armedForces : 0);
    }
  }
  return out;
}

export interface StateResult {
  readonly iso3: string;
  readonly country: string;
  readonly observedTroops: number;
  readonly armedForces: number;
  readonly observedShare: number;
  /** Mean over seeds of peak troops / armed forces: the model's expected share (the regression outcome). */
  readonly simulatedShare: number;
  /** Median over seeds (0 for a state that joins in fewer than half the seeds). */
  readonly simulatedShareMedian: number;
  /** Share of seeds in which it deployed at all. */
  readonly simulatedJoinRate: number;
  readonly potential: number;
  readonly agreeUs: number;
  /** The preference similarity the model read (similarity.ts). */
  readonly similarity: number;
  readonly depth: number;
  readonly usAlly: number;
  readonly polyarchy: number | null;
  readonly logGdp: number | null;
  readonly cinc: number | null;
}

export interface Slope {
  readonly coef: number;
  readonly se: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly p: number;
  readonly n: number;
}

export interface ModelPair {
  readonly formula: string;
  readonly observed: Slope;
  readonly simulated: Slope;
  readonly observedFit: OlsResult;
  readonly simulatedFit: OlsResult;
}

export interface ReplicationResult {
  readonly potential: string;
  readonly seeds: readonly number[];
  readonly states: readonly StateResult[];
  /** Share of armed forces on potential alone. */
  readonly simple: ModelPair;
  /** With the paper's controls the data has: polyarchy, log GDP, CINC, US ally. */
  readonly controls: ModelPair;
  /** Simulated vs observed shares over all states in the sample. */
  readonly spearmanAll: RankCorrelation;
  /** The same over the states that contributed in Nov 2010. */
  readonly spearmanContributors: RankCorrelation;
  /** Georgia and New Zealand above the Netherlands and Greece, observed and simulated. */
  /** The four rank-check states, with each seed's simulated share (in seed order) beside the mean. */
  readonly rankCheck: readonly { iso3: string; observedShare: number; simulatedShare: number; potential: number; perSeed?: readonly number[] }[];
  readonly costRule: CostRule;
  readonly options: IsafOptions;
}

export const CONTROL_NAMES = ['vdem_polyarchy', 'log_gdp', 'cinc', 'us_ally'] as const;

function slopeOf(fit: OlsResult): Slope {
  const c: Coefficient = fit.coefficients[1]!;
  return { coef: c.coef, se: c.se, ciLow: c.ciLow, ciHigh: c.ciHigh, p: c.p, n: fit.n };
}

function pair(formula: string, states: readonly StateResult[], design: (s: StateResult) => number[] | null, names: readonly string[]): ModelPair {
  const used = states.filter((s) => design(s) !== null);
  const X = used.map((s) => design(s)!);
  const observedFit = ols(used.map((s) => s.observedShare), X, names);
  const simulatedFit = ols(used.map((s) => s.simulatedShare), X, names);
  return { formula, observed: slopeOf(observedFit), simulated: slopeOf(simulatedFit), observedFit, simulatedFit };
}

export function controlsRow(s: Pick<StateResult, 'potential' | 'polyarchy' | 'logGdp' | 'cinc' | 'usAlly'>): number[] | null {
  if (s.polyarchy === null || s.logGdp === null || s.cinc === null) return null;
  return [1, s.potential, s.polyarchy, s.logGdp, s.cinc, s.usAlly];
}

export const RANK_CHECK_STATES = ['GEO', 'NZL', 'NLD', 'GRC'] as const;

/**
 * How robust each rank-check pair (Georgia, New Zealand above the Netherlands, Greece) is to the
 * seeds: the share of bootstrap resamples of the seeds (the same seeds for all four states: their
 * shares come from the same runs) in which the pair holds, `resamples` draws from a generator seeded
 * by a fixed key, so reruns agree. Null when a state has no per-seed shares. A pair holding in, say,
 * 60% of resamples holds at these seeds but would not at many others (Georgia against the
 * Netherlands: above at 20 seeds, below at 10 and 50; a researcher's trial).
 */
export function rankPairSupport(rankCheck: ReplicationResult['rankCheck'], resamples = 1000): Map<string, number> | null {
  const per = new Map(rankCheck.map((s) => [s.iso3, s.perSeed ?? []]));
  const n = Math.min(...RANK_CHECK_STATES.map((id) => per.get(id)?.length ?? 0));
  if (!(n > 0) || RANK_CHECK_STATES.some((id) => per.get(id)!.length !== n)) return null;
  const u = uniformFrom('isaf-rank-check');
  const pairs = [['GEO', 'NLD'], ['GEO', 'GRC'], ['NZL', 'NLD'], ['NZL', 'GRC']] as const;
  const holds = new Map<string, number>(pairs.map(([a, b]) => [`${a}>${b}`, 0]));
  const idx = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let k = 0; k < n; k++) idx[k] = randomInt(u, n);
    const mean = (id: string) => idx.reduce((a, k) => a + per.get(id)![k]!, 0) / n;
    const m = new Map(RANK_CHECK_STATES.map((id) => [id, mean(id)]));
    for (const [a, b] of pairs) if (m.get(a)! > m.get(b)!) holds.set(`${a}>${b}`, holds.get(`${a}>${b}`)! + 1);
  }
  return new Map([...holds].map(([k, v]) => [k, v / resamples]));
}

/** Build, run over the seeds, and regress. */
export function replicateIsaf(rows: readonly IsafRow[], seeds: readonly number[], options: Partial<IsafOptions> = {}): ReplicationResult {
  if (seeds.length === 0) throw new Error('isaf: at least one seed is needed');
  const o = { ...DEFAULT_ISAF_OPTIONS, ...options };
  const scenario = validIsafScenario(rows, o);
  const shares = simulatedShares(scenario, seeds);
  const states: StateResult[] = replicationSample(rows).map((r) => {
    const sim = shares.get(r.iso3) ?? [];
    return {
      iso3: r.iso3,
      country: r.country,
      observedTroops: r.isafTroops,
      armedForces: r.armedForces,
      observedShare: r.observedShare!,
      simulatedShare: sim.length > 0 ? sim.reduce((a, b) => a + b, 0) / sim.length : Number.NaN,
      simulatedShareMedian: median(sim),
      simulatedJoinRate: sim.filter((x) => x > 0).length / Math.max(1, sim.length),
      potential: alliancePotential(r),
      agreeUs: r.agreeUs,
      similarity: r.similarity ?? r.agreeUs,
      depth: r.depth,
      usAlly: r.usAlly,
      polyarchy: r.polyarchy,
      logGdp: r.logGdp,
      cinc: r.cinc,
    };
  });
  const simple = pair('share ~ potential', states, (s) => [1, s.potential], ['intercept', 'potential']);
  const controls = pair('share ~ potential + vdem_polyarchy + log_gdp + cinc + us_ally', states, controlsRow, ['intercept', 'potential', ...CONTROL_NAMES]);
  const contributors = states.filter((s) => s.observedShare > 0);
  return {
    potential: POTENTIAL_NAME,
    seeds: [...seeds],
    states,
    simple,
    controls,
    spearmanAll: spearman(states.map((s) => s.simulatedShare), states.map((s) => s.observedShare)),
    spearmanContributors: spearman(contributors.map((s) => s.simulatedShare), contributors.map((s) => s.observedShare)),
    rankCheck: RANK_CHECK_STATES.flatMap((id) => {
      const s = states.find((x) => x.iso3 === id);
      return s ? [{ iso3: id, observedShare: s.observedShare, simulatedShare: s.simulatedShare, potential: s.potential, perSeed: shares.get(id) ?? [] }] : [];
    }),
    costRule: fitCostRule(rows),
    options: o,
  };
}

/** Seeds 1..n. */
export function seedList(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
