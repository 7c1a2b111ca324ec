/**
 * The scenario format: the single source of truth. TypeScript types, validation and the
 * committed JSON Schema (schema/scenario.schema.json) all derive from these definitions.
 *
 * Units: money in constant US dollars, troops as headcount, time in rounds (see clock).
 * Per-soldier figures are per soldier-year unless the name says otherwise.
 *
 * Compatibility: formatVersion is 2. New settings are added as optional fields with
 * defaults; a file of an earlier version is migrated (scenario/migrate.ts: in memory when
 * loaded, on disk by `coalsim validate --migrate`).
 */
import { z } from 'zod';
import { MAX_NAME_CHARS, MAX_THIRD_PARTIES } from './limits';

export const SCENARIO_FORMAT_VERSION = 2;

const id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/, 'an id: a letter, then letters, digits, "_", "-" or "." (at most 40)')
  .describe('Identifier: a letter followed by letters, digits, "_", "-" or "." (ISO3 codes work well).');
/** A name or label: printed in tables, charts and CSV cells, so kept to one readable line's length. */
const name = z.string().min(1).max(MAX_NAME_CHARS);
const money = z.number().min(0).max(1e13);
const share = z.number().min(0).max(1);
const round = z.number().int().min(1).max(10000);
const troops = z.number().int().min(0).max(10_000_000);

export const SourceSchema = z
  .strictObject({
    id: z.string().min(1).optional().describe('Short key that fields can cite, e.g. "brief-4".'),
    citation: z.string().min(1).describe('Full reference: author, title, year, or dataset and version.'),
    url: z.string().optional(),
    note: z.string().optional().describe('Which numbers in this scenario come from this source.'),
  })
  .describe('A source for numbers used in the scenario.');

/**
 * Recorded figures a historical scenario should reproduce (`coalsim calibrate`). Each target
 * names a measure read from every run (src/calibration/measures.ts), the recorded value, range
 * or category, and how simulated runs are judged against it.
 */
export const CalibrationRecordedSchema = z
  .union([
    z.strictObject({ value: z.number().describe('A recorded point value.') }),
    z.strictObject({ min: z.number().describe('Low end of the recorded range.'), max: z.number().describe('High end of the recorded range.') }),
    z.strictObject({ equals: z.union([z.string().min(1), z.boolean()]).describe('A recorded category (e.g. "critical") or yes/no fact.') }),
  ])
  .describe('What the record says: { value }, { min, max } or { equals }.');

export const CalibrationToleranceSchema = z
  .discriminatedUnion('rule', [
    z
      .strictObject({
        rule: z.literal('interval'),
        coverage: z.number().gt(0).lt(1).default(0.9).describe('Central share of simulated runs forming the interval (0.9: 5th to 95th percentile).'),
      })
      .describe('Pass when the recorded value or range overlaps the simulated central interval.'),
    z
      .strictObject({
        rule: z.literal('median-within'),
        relative: z.number().gt(0).max(10).describe('Allowed relative distance of the simulated median from the recorded value or range, e.g. 0.25 for +-25%.'),
      })
      .describe('Pass when the simulated median is within a relative distance of the recorded value (or of the nearer end of its range).'),
    z
      .strictObject({
        rule: z.literal('modal'),
        minShare: z.number().gt(0).max(1).default(0.5).describe('Least share of runs that must give the recorded category.'),
      })
      .describe('Categorical or yes/no: pass when the recorded value is the most frequent across runs and reaches minShare.'),
    z
      .strictObject({
        rule: z.literal('close-call'),
        minShare: z.number().gt(0).lt(1).describe('Least share of runs that must give the recorded category, e.g. 0.25.'),
        maxShare: z.number().gt(0).max(1).optional().describe('Most share of runs that may give it (1: no upper end). Omitted: 1 - minShare, so the other outcomes get at least minShare of the runs too; a minShare above 0.5 then needs a maxShare.'),
      })
      .describe('Categorical or yes/no, for a knife-edge event (a vote lost by three votes): pass when the share of runs giving the recorded value is between minShare and maxShare, whether or not it is the most frequent. The model should give the recorded outcome a real chance without making it certain.'),
  ])
  .describe('How simulated runs are judged against the record. Default: interval (90%) for numbers, modal (0.5) for categories.');

export const CalibrationTargetSchema = z
  .strictObject({
    id: z.string().min(1).max(60).describe('Short key of the figure, unique in the scenario.'),
    label: name.describe('The figure in words, as shown in calibration tables.'),
    measure: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]*(:[A-Za-z0-9_.-]+)*$/, 'a measure name, optionally with ":"-separated arguments, e.g. "memberType:TUR"')
      .describe('What to read from each run: a measure name with its arguments, e.g. "costPerForeignSoldierYear", "memberType:TUR", "paymentsTo:EGY" (`coalsim calibrate --list-measures`).'),
    recorded: CalibrationRecordedSchema,
    tolerance: CalibrationToleranceSchema.optional(),
    unit: z.string().min(1).optional().describe('Unit for display, e.g. "US$ (nominal, 2003)", "troops".'),
    source: z.string().min(1).describe('Where the recorded figure comes from (citation, or a meta.sources id).'),
    note: z.string().optional().describe('How the figure maps onto the measure, caveats.'),
  })
  .describe('A recorded figure the scenario is calibrated against.');

export const MetaSchema = z.strictObject({
  id: id.describe('Scenario id, used in output paths and manifests.'),
  title: z.string().min(1).max(200).describe('A one-line title, shown in tables, reports and `coalsim list`.'),
  description: z.string().min(1).describe('One paragraph: the case and what the scenario is meant to show.'),
  sources: z.array(SourceSchema).default([]).describe('Where the numbers come from: cite every figure taken from data or literature.'),
  tags: z.array(name).default([]).describe('Free keywords, e.g. "teaching", "historical".'),
  calibration: z
    .array(CalibrationTargetSchema)
    .optional()
    .describe('Recorded figures this scenario is calibrated against; `coalsim calibrate` compares many seeded runs with each.'),
});

export const ClockSchema = z.strictObject({
  rounds: z.number().int().min(1).max(1200).describe('Number of rounds the operation lasts.'),
  roundLabel: name.default('month').describe('What one round means, for labels ("month", "quarter").'),
  roundsPerYear: z.number().gt(0).max(366).default(12).describe('Rounds per year; converts per-year costs to per-round payments.'),
  start: z.string().optional().describe('Calendar label of round 1, e.g. "1950-07". Labels only; never used in arithmetic.'),
});

export const DemandStepSchema = z.strictObject({
  fromRound: round.describe('First round at which this level applies; it holds until the next step.'),
  troops: troops.describe('Foreign troops the pivotal state seeks from third parties from this round on.'),
});

export const CapabilitySchema = z.strictObject({
  armedForces: troops.describe('Active armed forces, headcount.'),
  cinc: share.optional().describe('COW Composite Index of National Capability (0-1), if known.'),
});

export const StrategyNameSchema = z
  .enum(['equilibrium', 'screening', 'boulware', 'conceder', 'fixed-rate'])
  .describe(
    'equilibrium: the subgame-perfect alternating-offers split on the believed pie; screening: the offer that maximises expected gain given the belief; boulware / conceder: time-dependent concession (late / early); fixed-rate: a posted rate, no haggling (pivotal only).',
  );

export const PivotalBargainingSchema = z
  .strictObject({
    strategy: StrategyNameSchema.default('equilibrium'),
    patience: z.number().gt(0).max(1).default(0.95).describe('Discount factor per round (d_P): the value of a deal one round later.'),
    urgency: share
      .default(0.5)
      .describe('How much a shortfall of troops makes it impatient: d_P(t) = patience * (1 - urgency * shortfall / demand).'),
    openness: share
      .default(0.5)
      .describe('How openly it recruits (UN mandate, demarches, summits): how much of its reservation third parties learn, 0-1.'),
    intelligence: share.default(0.5).describe('How well it knows third parties\' reservations, 0 (not at all) to 1 (exactly).'),
    concessionExponent: z.number().gt(0).max(100).optional().describe('For boulware/conceder: e in x(t) = a + (z - a) t^(1/e), a the belief-mean anchor, z the best final offer under the belief (see docs/model.md). Omitted: 0.2 for boulware, 3 for conceder.'),
    fixedRatePerSoldierPerRound: money.optional().describe('For the fixed-rate strategy: the posted rate per soldier per round. Required with that strategy under the negotiation rule; unused otherwise.'),
    deadlineRound: round
      .optional()
      .describe('Urgency (BRIEF §6): the round by which the pivotal wants its coalition in place (e.g. a UN deadline, the start of an offensive); its patience falls as it nears. Omitted: no deadline (today\'s behaviour). Must not exceed clock.rounds. Past it the pivotal stays as impatient as in its round.'),
    deadlineUrgency: share
      .optional()
      .describe('Urgency: the share of the coalition\'s value that hangs on meeting deadlineRound, 0-1: patience is multiplied by 1 - deadlineUrgency / H, H the rounds left to the deadline (this one included). Omitted: 0. Needs deadlineRound.'),
    casualtyUrgency: share
      .optional()
      .describe('Urgency: how much its own casualties make it impatient, 0-1 (0 = not at all). Omitted: 0. Read by the engine, but the pivotal\'s own soldiers are not simulated, so its own dead are 0 and this has no effect yet.'),
  })
  .describe('How the pivotal state negotiates (used when engine.pricing.rule is "negotiation").');

export const ThirdPartyBargainingSchema = z
  .strictObject({
    strategy: StrategyNameSchema.exclude(['fixed-rate'])
      .default('equilibrium')
      .describe('equilibrium: the subgame-perfect alternating-offers split on the believed pie; screening: the offer that maximises expected gain given the belief; boulware / conceder: time-dependent concession (late / early). fixed-rate is for the pivotal only.'),
    patience: z.number().gt(0).max(1).default(0.95).describe('Discount factor per round (d_i).'),
    concessionExponent: z.number().gt(0).max(100).optional().describe('For boulware/conceder: e in x(t) = a + (z - a) t^(1/e) (see docs/model.md). Omitted: 0.2 for boulware, 3 for conceder.'),
  })
  .describe('How this third party negotiates (used when engine.pricing.rule is "negotiation").');

const PIVOTAL_BARGAINING_DEFAULT = { strategy: 'equilibrium', patience: 0.95, urgency: 0.5, openness: 0.5, intelligence: 0.5 } as const;
const THIRD_PARTY_BARGAINING_DEFAULT = { strategy: 'equilibrium', patience: 0.95 } as const;

export const PivotalSchema = z
  .strictObject({
    id,
    name: name,
    capability: CapabilitySchema.describe('Used to judge when a much weaker state takes the larger share (a reversal).'),
    budget: money.describe('US$ available for payments to partners over the whole operation (donors may add to it). 0 is refused when troops are sought and no donor or budget event adds money.'),
    accessBudget: money
      .optional()
      .describe('US$ set aside for access deals (bases, transit, airspace, sanctions) apart from `budget`: access is paid from it and troops from `budget`, so a refused access deal frees no money for troops (the US\'s 2003 grants offered to Turkey were their own appropriation, not the Coalition Support Funds that reimbursed contingents). Omitted: access deals are paid from `budget`, shared with troops.'),
    ownSoldierCostPerYear: money.describe(
      'Cost of one of its own soldiers per year: the outside option to buying foreign troops (c_P).',
    ),
    flagValuePerYear: money.default(0).describe('Value per year of one more flag in the coalition (legitimacy), L.'),
    criticalPartnerValuePerYear: money
      .default(0)
      .describe('Value per year of a fully critical partner (bases, airspace, neighbours), V; scaled by criticality.'),
    bargaining: PivotalBargainingSchema.default(PIVOTAL_BARGAINING_DEFAULT),
    subsidyPolicy: z
      .enum(['cover-cost', 'cover-liquidity-need'])
      .default('cover-cost')
      .describe(
        'How an agreed value is split between cash and side deals. cover-cost: a deployment subsidy up to the partner\'s deployment cost, side deals for the rest (e.g. the US in Korea covered transport, equipment and supplies); cover-liquidity-need: cash only for what the partner cannot fund itself, the rest as side deals where they are cheaper than cash.',
      ),
    monitoring: share
      .default(0.5)
      .describe('How closely it monitors paid contingents (0-1): limits how far they cut effort with caveats.'),
    firmness: share
      .optional()
      .describe('Deprecated and ignored: the pivotal pays a hold-up demand iff it is at most its belief that the partner would really leave times what replacing it costs (docs/model.md §5). Still accepted so that old files load; `coalsim validate` warns.'),
    demand: z
      .array(DemandStepSchema)
      .min(1)
      .describe('Forces sought from others over time, as steps in increasing fromRound order, each fromRound at most clock.rounds; rounds before the first step seek none.'),
    retention: z
      .strictObject({
        toleranceElasticity: z
          .number()
          .min(0)
          .max(10)
          .default(1)
          .describe('How far compensation raises a casualty-sensitive government\'s tolerance: a retention payment z per soldier-year raises it by this times z / its deployment cost (1: compensating its whole cost again lets it bear twice the deaths).'),
      })
      .optional()
      .describe('The pivotal pays deployed partners whose casualties approach their withdrawal threshold, before any threat, when paying costs less than losing them at this round\'s market (docs/model.md, Retention). Omitted: no retention payments (today\'s behaviour). Source: ISAF\'s Coalition Support Funds.'),
    punishment: z
      .strictObject({
        maxWithheldShare: share
          .default(1)
          .describe('The largest share of a round\'s payment to a partner the pivotal may withhold as a sanction.'),
      })
      .optional()
      .describe('After a hold-up threat the pivotal may withhold part of the partner\'s payment, iff the deterrence it buys exceeds the retaliation it expects at this round\'s market (docs/model.md, Punishment). Omitted: it never punishes (today\'s behaviour). Source: BRIEF §1: "a pivotal state that depends on a partner can hardly punish it".'),
  })
  .describe('The state that organises the operation, recruits and pays.');

export const ContributionSchema = z.strictObject({
  round: round.describe('Round the money arrives, at most clock.rounds.'),
  amount: money.describe('US$ added to the pivotal state\'s payment budget in that round.'),
});

export const DonorSchema = z
  .strictObject({
    id,
    name: name,
    contributions: z.array(ContributionSchema).min(1),
    earmarked: z
      .boolean()
      .default(false)
      .describe('Given for payments to partners: spent before the pivotal\'s own money (otherwise donors\' money is spent pro rata with it). Affects who bore the cost, not what is paid.'),
  })
  .describe('A state that adds money to the pivotal state\'s budget for payments (e.g. Japan and Germany in 1991).');

/**
 * A payer's line (issue 16 item 2; BRIEF §1: "in Somalia the EU paid allowances while the US
 * paid equipment and training"; §4: UN reimbursement $1,410 per contingent member per month).
 * A posted rate per soldier per round that the payer funds out of a contingent's deployment
 * subsidy, for every recipient or for particular contingents.
 */
export const PayerLineSchema = z
  .strictObject({
    kind: z
      .enum(['allowance', 'reimbursement', 'equipment', 'training', 'top-up', 'other'])
      .describe('What the line pays for: allowances or a reimbursement at a posted rate (the EU in AMISOM, the UN), equipment or training for particular contingents (the US, the UK), a bilateral top-up on a posted rate (Rwanda in UNAMID).'),
    label: name.optional().describe('The line in words, for the ledger and the report (default: its kind).'),
    ratePerSoldierPerRound: money.describe('Most the line pays per soldier per round (a month by default), US$: a posted rate, or the cap of a bilateral line.'),
    recipients: z
      .array(id)
      .min(1)
      .optional()
      .describe('Third parties the line pays (ids); omitted: every contingent.'),
  })
  .describe('A payment line of a payer.');

/**
 * A payer with a budget and lines of its own (issue 16 item 2). Which lines it funds for a
 * contingent, and up to how much, is decided by what that contingent's troops are worth to it
 * (docs/model.md, Payers): burden sharing among payers is an outcome, not an input split.
 */
export const PayerSchema = z
  .strictObject({
    id,
    name: name,
    budget: money.describe('US$ it can spend on its lines over the whole operation; each signed deal reserves what its lines will pay to the end.'),
    valuePerSoldierYear: money
      .default(0)
      .describe('What one soldier-year of a partner\'s troops in the operation is worth to it, US$: the most it pays for them across its lines.'),
    partnerValues: z
      .record(z.string(), money)
      .optional()
      .describe('The same for particular partners, by third-party id (overrides valuePerSoldierYear for them).'),
    lines: z.array(PayerLineSchema).min(1).max(20).describe('Its payment lines, in the order it funds them.'),
  })
  .describe('A state or organisation that pays lines of its own out of its own budget, alongside the pivotal state (which still negotiates).');

/**
 * Access a party can sell instead of, or with, troops (issue 16 item 1; BRIEF §1: critical
 * contributors are needed for "neighbours, bases, airspace"; §4: Jordan about $1 billion for
 * implicit cooperation, Turkey's bases and sanctions on Iraqi oil). Per year, like soldiers.
 */
export const AccessOfferSchema = z
  .strictObject({
    kind: z
      .enum(['bases', 'transit', 'airspace', 'sanctions', 'other'])
      .describe('What it grants: use of bases, transit of forces, overflight, enforcing sanctions (e.g. closing a pipeline), or other cooperation.'),
    label: name.optional().describe('The access in words, for tables and the narrative, e.g. "Incirlik air base".'),
    valuePerYear: money.describe('What the access is worth to the pivotal state per year: the most it would pay (its reservation for this deal).'),
    costPerYear: money.describe('What granting it costs the party per year (lost trade, a domestic political price): the least it accepts (its reservation). Drawn around this value like deployment costs (engine.costUncertainty).'),
  })
  .describe('Access sold to the pivotal state, negotiated and paid like a troop deal.');

export const ThirdPartySchema = z
  .strictObject({
    id,
    name: name,
    capability: CapabilitySchema.optional().describe('Defaults to { armedForces } from the field of that name; when given, its armedForces must equal that field.'),
    armedForces: troops.describe('Active armed forces, headcount.'),
    deployableShare: share.default(0.1).describe('Share of armed forces it can deploy abroad.'),
    maxTroops: troops.optional().describe('Explicit cap on the contingent; overrides deployableShare when set.'),
    deploymentCostPerYear: money.describe('Cost of deploying one soldier for a year: transport, equipment, allowances (c_i).'),
    selfFundedShare: share.describe('Share of that cost it can pay itself (f_i); 1 means no liquidity need.'),
    intrinsicValuePerYear: money
      .default(0)
      .describe('What the mission is worth to it per soldier-year deployed, without pay (u_i).'),
    effectiveness: z.number().gt(0).max(2).default(1).describe('One of its soldiers replaces this many of the pivotal\'s (e_i).'),
    criticality: share.default(0).describe('How much the pivotal needs this partner in particular (kappa_i), 0-1.'),
    allianceDepth: share
      .default(0)
      .describe('Depth of its formal alliance with the pivotal state, 0-1. Data: Benson & Clinton (2016) depth rescaled 0-1 (`bc_depth_01`, `bc_depth_max_01` in the shared data).'),
    preferenceSimilarity: share
      .default(0)
      .describe('Foreign-policy similarity with the pivotal, 0-1. Data: share of UN General Assembly votes agreeing with it (`agree_us`, Bailey, Strezhnev & Voeten 2017).'),
    defencePact: z
      .boolean()
      .optional()
      .describe('Alliance duty: a defence or offence pact with the pivotal. Data: ATOP `atop_milsup_us` (1 = true; not `atop_any_us`, which counts consultation pacts). Omitted: false. With engine.operation.signalling on, it binds the state to its alliance duty with allianceDepth: bindingness (pact + depth) / 2 sets its duty floor (that share of the forces the leader asks of everyone) and what meeting it is worth to it.'),
    missionStance: z
      .number()
      .min(-1)
      .max(1)
      .optional()
      .describe('Stance on this particular mission, -1 (open opposition: stays out at any price the pivotal would pay) through 0 (neutral) to 1 (supports it). Data: its vote on the UN mandate, recorded government positions. Omitted: 0, which leaves its reservation as today. Enters the reservation as a stance cost c_i o / (1 - o), o = max(0, -stance).'),
    domesticOpposition: share
      .optional()
      .describe('Domestic ratification: how strong opposition to a deployment is at home, 0-1; a deal needing ratification fails with a probability rising with it (Turkey, March 2003). Omitted: 0, ratification never fails. A deal for k of the K troops it could deploy passes with probability 1 - q min(1, k / K); the parliament is the same at every vote (one tolerance per run), so a deal it rejected is rejected again at that size or more, and the pivotal comes back only with half the failed deal.'),
    signallingValuePerYear: money
      .default(0)
      .describe('Worth per soldier-year of signalling at full unrealized alliance potential; scaled by it (s_i).'),
    opportunismMarkupPerYear: money
      .default(0)
      .describe('Markup per soldier-year an opportunist asks above what its cost and interest justify (m_i).'),
    availableFromRound: round.default(1).describe('First round in which it can be recruited, at most clock.rounds.'),
    holdUpPropensity: share
      .optional()
      .describe('Deprecated and ignored: hold-ups are strategic, a deployed partner threatens when its expected gain beats the cost of a called bluff (docs/model.md §5). Still accepted so that old files load; `coalsim validate` warns.'),
    holdUpResolve: share
      .optional()
      .describe('Deprecated and ignored: refused, a partner leaves iff leaving really beats staying at its price (its reservation now, casualty pressure included). Still accepted so that old files load; `coalsim validate` warns.'),
    casualtySensitivity: share
      .default(0)
      .describe('How quickly casualties force its government to withdraw (0 = never; 1 = at the first death). See engine.operation.maxCasualtyTolerance.'),
    exposure: z.number().min(0).max(5).default(1).describe('Risk of its mission relative to the operation average (1 = average; combat roles higher).'),
    sideDealValues: z
      .record(z.string(), money)
      .optional()
      .describe('What particular side-deal items are worth to this state, by item id (overrides the item\'s valueToReceiver).'),
    bargaining: ThirdPartyBargainingSchema.default(THIRD_PARTY_BARGAINING_DEFAULT),
    leadNation: id
      .optional()
      .describe('The third party whose command it serves under (Poland\'s multinational division in Iraq). While the lead is deployed, the pivotal state\'s subsidies to this party pass through the lead (ledger: payer, via the lead, to the recipient). The lead may not be the party itself nor serve under another lead. Omitted: paid directly.'),
    access: z
      .array(AccessOfferSchema)
      .min(1)
      .max(5)
      .optional()
      .describe('Format version 2: access it can sell, instead of or with troops (a party with maxTroops 0 and an access offer can deal). Each offer is negotiated with the scenario\'s pricing rule (the party\'s reservation its costPerYear, the pivotal\'s its valuePerYear), paid as subsidies and side deals, ratified like a troop deal by the same parliament (domesticOpposition; the party\'s costliest access needs the tolerance a full-size troop deal needs, a cheaper one proportionally less), and makes the party a flag in the coalition. Omitted: no access deals.'),
  })
  .describe('A state that may join the coalition, for pay or not.');

export const SideDealKindSchema = z.enum([
  'debt_relief',
  'sanction_relief',
  'trade',
  'loan',
  'military_aid',
  'arms',
  'promise',
  'other',
]);

/**
 * A promise's delivery schedule (issue 16 item 3; BRIEF §3 "promised or paid, with dates"; §4
 * Turkey 2003: a grant or a cheap loan; §1 promises such as a visa waiver). Installment j
 * (1-based) falls due `firstAfterRounds + (j - 1) everyRounds` rounds after signing and carries
 * 1/n of the item's cost and value; `finalGrant` is the last installment's conversion to a grant.
 */
export const DeliverySchema = z
  .strictObject({
    installments: z.number().int().min(1).max(1200).default(1).describe('Number of equal installments the cost and value are delivered in.'),
    firstAfterRounds: z.number().int().min(0).max(10000).default(0).describe('Rounds from signing to the first installment (0: in the round of signing).'),
    everyRounds: z.number().int().min(1).max(10000).default(1).describe('Rounds between installments.'),
    believedProbability: share
      .default(1)
      .describe('The probability of delivery the recipient believes: it values the item at this probability times its value. Whether each installment is delivered is the pivotal state\'s decision (docs/model.md, Promises).'),
    finalGrant: z
      .strictObject({
        costToGiver: money.describe('What converting the last installment (e.g. a loan\'s outstanding balance) to a grant costs the pivotal state, US$.'),
        valueToReceiver: money.describe('What the conversion is worth to the recipient, US$.'),
      })
      .optional()
      .describe('A loan whose last installment converts to a grant (Turkey 2003): an extra delivery in the last installment\'s round, kept or broken like the others. Omitted: no conversion.'),
  })
  .describe('How a promised side deal is delivered.');

export const SideDealSchema = z
  .strictObject({
    id,
    label: name,
    kind: SideDealKindSchema,
    costToGiver: money.describe('What giving it costs the pivotal state, US$.'),
    valueToReceiver: money.describe('What it is worth to a recipient, US$ (a side deal costs and is worth different amounts).'),
    recipients: z.array(id).optional().describe('Third parties that value it; omitted means any.'),
    delivery: DeliverySchema.optional().describe(
      'The item is a promise, delivered over time (installments, a lag) rather than paid at signing; each installment is kept or broken by the pivotal state as its interests dictate, costs it only when kept, and a broken one counts as reneging. Omitted: paid in full at signing (as before).',
    ),
    menu: id
      .optional()
      .describe('Either/or menus ("a $4bn grant or a $34bn loan"): items with the same menu id are alternatives; a recipient is offered only the one it values most (at its believed probability of delivery). Omitted: the item stands alone.'),
  })
  .describe('An item in the side-deal catalog.');

const eventBase = {
  round: round.describe('Round it happens, at most clock.rounds.'),
  label: name.optional().describe('What happened, in words, for the event log and narrative.'),
};

export const ScheduledEventSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      ...eventBase,
      type: z.literal('demand'),
      troops: troops.optional().describe('Set demand to this level from this round on (until a later step of pivotal.demand or another demand event).'),
      delta: z.number().int().min(-10_000_000).max(10_000_000).optional().describe('Add this many troops to demand from this round; a later step of pivotal.demand sets the level anew, so a surge lasts until the schedule\'s next step.'),
    })
    .describe('A demand shock: an enemy\'s entry, a surge, a drawdown. Give exactly one of troops and delta; a delta may not take demand below 0.'),
  z
    .strictObject({ ...eventBase, type: z.literal('budget'), amount: z.number().min(-1e13).max(1e13) })
    .describe('Money added to (or cut from) the pivotal\'s payment budget.'),
  z
    .strictObject({ ...eventBase, type: z.literal('availability'), party: id, available: z.boolean() })
    .describe('A supply shock: a third party becomes unavailable (a parliament refuses) or available again.'),
  z
    .strictObject({
      ...eventBase,
      type: z.literal('risk'),
      deathsPerThousandPerRound: z.number().min(0).max(1000).describe('Deaths per 1,000 deployed soldiers per round from this round on, at exposure 1.'),
    })
    .describe('A change in how dangerous the operation is (an enemy\'s entry, an offensive, a ceasefire).'),
]);

export const PricingSchema = z.discriminatedUnion('rule', [
  z
    .strictObject({
      rule: z.literal('nash'),
      thirdPartyWeight: share.default(0.5).describe('Third party\'s bargaining weight in the split of the surplus.'),
    })
    .describe(
      'Complete-information bargaining: price = r + w * (ceiling - r), where the ceiling is the pivotal\'s reservation or the next substitute\'s, whichever is lower.',
    ),
  z
    .strictObject({
      rule: z.literal('fixed-rate'),
      ratePerSoldierPerRound: money.describe('Flat reimbursement per soldier per round (UN: $1,410 a month).'),
    })
    .describe('A posted reimbursement with no haggling: a party joins when the rate covers its reservation.'),
  z
    .strictObject({ rule: z.literal('reservation') })
    .describe('The pivotal knows each reservation and pays exactly it (all the surplus to the pivotal).'),
  z
    .strictObject({
      rule: z.literal('negotiation'),
      protocol: z
        .enum(['alternating-offers', 'take-it-or-leave-it'])
        .default('alternating-offers')
        .describe('alternating-offers: one offer per round, proposers alternate, until the deadline; take-it-or-leave-it: one offer, then breakdown.'),
      deadline: z.number().int().min(1).max(1000).default(6).describe('Most exchanges (one per round) before a negotiation ends without a deal.'),
      firstProposer: z.enum(['pivotal', 'third-party']).default('pivotal').describe('Who makes the first offer in each negotiation; proposers then alternate.'),
      horizon: z
        .enum(['open-ended', 'deadline'])
        .default('open-ended')
        .describe(
          'How sides plan: open-ended as if talks could go on (Rubinstein\'s stationary split; the deadline only ends them), or by backward induction from the known deadline (Ståhl: the last proposer takes much).',
        ),
      beliefShape: z.enum(['normal', 'uniform']).default('normal').describe('Shape of each side\'s prior about the other\'s reservation.'),
      priorWidth: z
        .number()
        .min(0)
        .max(5)
        .default(0.5)
        .describe('Spread of a fully uninformed prior, as a share of the value it is about; scaled by (1 - intelligence) or (1 - openness).'),
      reapproachAfter: z.number().int().min(1).max(1000).default(2).describe('Rounds before the pivotal re-opens talks with a state after a breakdown.'),
    })
    .describe('Bargaining with private information: each side has a belief about the other\'s reservation and a strategy.'),
]);

export const OperationSchema = z
  .strictObject({
    deathsPerThousandPerRound: z
      .number()
      .min(0)
      .max(1000)
      .default(0)
      .describe('Baseline casualty risk: deaths per 1,000 deployed soldiers per round at exposure 1 (risk events change it).'),
    maxCasualtyTolerance: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(200)
      .describe('Deaths a government with casualty sensitivity just above 0 accepts; it withdraws after (1 - sensitivity) times this many.'),
    crowdingOut: share
      .default(0.5)
      .describe('How far pay crowds out the effort of contingents with little interest in the mission (0 = not at all).'),
    minEffort: share.default(0.3).describe('Least effort a deployed contingent gives.'),
    holdUpAggressiveness: share
      .optional()
      .describe('Deprecated and ignored: a threatening partner\'s demand is the one that maximises its expected gain (docs/model.md §5). Still accepted so that old files load; `coalsim validate` warns.'),
    holdUpTremble: z
      .number()
      .min(0)
      .max(0.05)
      .default(0)
      .describe('Chance per round that a deployed paid partner with nothing to gain threatens anyway, at its best demand (a tremble; at most 0.05). 0: only strategic threats.'),
    audienceCost: z
      .number()
      .min(0)
      .max(10)
      .default(0.16)
      .describe('Domestic audience cost of a called bluff (Fearon 1994, APSR 88(3)): a government that publicly threatens to withdraw and backs down when refused loses at home this share of what its deployment costs it over the rest of the operation (alpha in A = alpha k c_i Y). A partner that would really leave never pays it. Default 0.16: the extra share of the public that disapproves of a leader who threatens and backs down, against one who never threatened (about 16 points, Tomz 2007, IO 61(4)). 0: a bluff refused costs a pure opportunist nothing. See docs/model.md §5.'),
    renegingMisperception: share
      .default(0)
      .describe('Chance per round that a fully paid partner believes it was cheated (misperceived reneging).'),
    retaliationRounds: z.number().int().min(0).max(1000).default(3).describe('Rounds a partner that saw reneging cuts its effort.'),
    retaliationEffortCut: share.default(0.3).describe('Effort a retaliating partner withholds.'),
    signalling: z
      .boolean()
      .default(false)
      .describe('Contingent size as a choice: each state offers troops from its motives (interest, signalling value of its unrealized alliance potential, alliance duty, stance, liquidity, casualty sensitivity, the political cost of committing a growing share of its forces), is paid per deal for its reservation at that size, can enlarge when demand rises, and alliances are reviewed during the run. Off: contingents are fixed at maxTroops or armedForces x deployableShare.'),
    maxDeployableShare: share
      .default(0.1)
      .describe('With signalling on, the largest share of its armed forces a state would deploy (a hard cap, never below the state\'s own deployableShare, replaced by maxTroops when that is set; the political cost of committing forces is anchored at deployableShare).'),
    firstContingentLeadYears: z
      .number()
      .min(0)
      .max(5)
      .default(0.5)
      .describe('With signalling on, years a state not yet deployed needs before its first contingent arrives (a national mandate, pre-deployment training, a national support element, strategic lift); a deployed member enlarges along the supply line it has, without the wait. The wait counts from the round the troops sought last rose (a step of pivotal.demand, a demand event or a random demand shock; the opening demand was generated before round 1); until a first contingent arrives the pivotal\'s own soldiers fill in, so it values one at e c_P x (rounds still to wait / rounds left) less per soldier-year. Default 0.5: the Brahimi Report\'s 90-day target for complex missions (UN A/55/305, 2000) is a floor rarely met; 0 turns it off. See docs/model.md, "Force generation".'),
    allianceReward: share
      .default(0)
      .describe('With signalling on, how fast the pivotal deepens its alliance, during the run, with members deploying a larger share of their forces than it asks of everyone (demand / the third parties\' armed forces): the share of their unrealized potential closed by a year of deploying twice the ask. A deeper alliance lowers their signalling value from then on.'),
    dutyWeight: z
      .number()
      .min(0)
      .max(10)
      .optional()
      .describe('With signalling on, the value to a bound ally of meeting its alliance duty, as a multiple of the default lambda (c + h) per soldier up to its duty floor (the cost of a free-rider label; politics/alliance). Omitted: 1. Estimated per case by `coalsim replicate` on training folds.'),
    randomShocks: z
      .strictObject({
        demandProbability: share.default(0).describe('Chance per round of a random demand shock.'),
        demandShare: z.number().min(0).max(5).default(0.25).describe('Size of a demand shock as a share of current demand (up or down, equally likely).'),
        supplyProbability: share.default(0).describe('Chance per round that a random third party becomes unavailable.'),
        supplyRounds: z.number().int().min(1).max(1000).default(3).describe('How long a random supply shock lasts.'),
      })
      .default({ demandProbability: 0, demandShare: 0.25, supplyProbability: 0, supplyRounds: 3 }),
  })
  .describe('What happens after deployment: casualties, withdrawals, effort, hold-ups, reneging, signalling and random shocks.');

const OPERATION_DEFAULT = {
  deathsPerThousandPerRound: 0,
  maxCasualtyTolerance: 200,
  crowdingOut: 0.5,
  minEffort: 0.3,
  holdUpTremble: 0,
  audienceCost: 0.16,
  renegingMisperception: 0,
  retaliationRounds: 3,
  retaliationEffortCut: 0.3,
  signalling: false,
  maxDeployableShare: 0.1,
  firstContingentLeadYears: 0.5,
  allianceReward: 0,
  randomShocks: { demandProbability: 0, demandShare: 0.25, supplyProbability: 0, supplyRounds: 3 },
} as const;

export const EngineSchema = z
  .strictObject({
    pricing: PricingSchema.default({ rule: 'nash', thirdPartyWeight: 0.5 }),
    costUncertainty: z
      .number()
      .min(0)
      .max(1)
      .default(0.1)
      .describe('Coefficient of variation of each party\'s realised deployment cost around the scenario value (lognormal).'),
    minContingent: troops.default(1).describe('Smallest contingent worth a deal; smaller remainders are not recruited.'),
    reversalCapabilityRatio: z
      .number()
      .gt(1)
      .default(10)
      .describe('A side is "much weaker" when the other\'s armed forces exceed its own by this factor.'),
    operation: OperationSchema.default(OPERATION_DEFAULT),
  })
  .describe('Engine settings.');

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editor completion.'),
    formatVersion: z.literal(SCENARIO_FORMAT_VERSION).describe('Scenario format version; this release reads 2, and reads version 1 files by migrating them (`coalsim validate --migrate` rewrites one).'),
    meta: MetaSchema.describe('What the case is and where its numbers come from.'),
    clock: ClockSchema.describe('How long the operation lasts and what a round is.'),
    pivotal: PivotalSchema,
    donors: z.array(DonorSchema).default([]).describe('States that add money to the pivotal state\'s payment budget.'),
    payers: z
      .array(PayerSchema)
      .max(50)
      .optional()
      .describe('Format version 2: payers with their own budgets and lines (allowances at a posted rate, equipment and training for particular contingents, bilateral top-ups). Each funds lines of the subsidies the pivotal state negotiates, up to what the troops are worth to it; the pivotal pays the rest. Omitted: the pivotal pays everything (with its donors\' money).'),
    thirdParties: z.array(ThirdPartySchema).min(1).max(MAX_THIRD_PARTIES).describe('The states that may join the coalition.'),
    sideDeals: z.array(SideDealSchema).default([]).describe('The catalog of political side deals the pivotal state can offer.'),
    events: z
      .array(ScheduledEventSchema)
      .default([])
      .describe('Scheduled shocks, by round: demand, budget, availability of a partner, casualty risk.'),
    engine: EngineSchema.default({
      pricing: { rule: 'nash', thirdPartyWeight: 0.5 },
      costUncertainty: 0.1,
      minContingent: 1,
      reversalCapabilityRatio: 10,
      operation: OPERATION_DEFAULT,
    }),
  })
  .describe('A coalsim scenario: one case of a pivotal state recruiting a coalition.');

/** A scenario after validation, with every default filled in. */
export type Scenario = z.output<typeof ScenarioSchema>;
/** What a user may write (defaults optional). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ThirdPartySpec = Scenario['thirdParties'][number];
export type PivotalSpec = Scenario['pivotal'];
export type SideDealSpec = Scenario['sideDeals'][number];
export type ScheduledEvent = Scenario['events'][number];
export type Pricing = Scenario['engine']['pricing'];
export type DeliverySpec = z.output<typeof DeliverySchema>;
export type PayerSpec = NonNullable<Scenario['payers']>[number];
export type PayerLineSpec = PayerSpec['lines'][number];
export type AccessOfferSpec = NonNullable<ThirdPartySpec['access']>[number];
