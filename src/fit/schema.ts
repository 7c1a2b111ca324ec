/**
 * The fit format: a scenario, the parameters to estimate (a path into the scenario and a
 * prior), the recorded figures (a calibration measure, the record, an error scale and a role:
 * `target` figures drive the fit, `check` figures are held out and only scored), the seeds
 * per evaluation and the ABC-SMC settings. Single source of truth for the type, validation
 * and the committed JSON Schema (schema/fit.schema.json).
 */
import { z } from 'zod';
import { CalibrationRecordedSchema, CalibrationToleranceSchema } from '../scenario/schema';

export const FIT_FORMAT_VERSION = 1;

export const PriorSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('uniform'), min: z.number().describe('Lower bound.'), max: z.number().describe('Upper bound.') }).describe('Flat between min and max.'),
    z
      .strictObject({ type: z.literal('log-uniform'), min: z.number().gt(0).describe('Lower bound (> 0).'), max: z.number().gt(0).describe('Upper bound.') })
      .describe('Flat in log(x) between min and max: every factor of ten equally likely (scale parameters: money, troops).'),
    z
      .strictObject({
        type: z.literal('normal'),
        mean: z.number().describe('Mean.'),
        sd: z.number().gt(0).describe('Standard deviation (> 0).'),
        min: z.number().optional().describe('Optional lower truncation (e.g. 0 for a cost).'),
        max: z.number().optional().describe('Optional upper truncation (e.g. 1 for a share).'),
      })
      .describe('Normal, optionally truncated to [min, max].'),
  ])
  .describe('Prior distribution of the parameter.');

export const FitParameterSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a column name: a letter, then letters, digits or "_" (at most 40)')
      .describe('Column name in posterior.csv and label in the report.'),
    path: z.string().min(1).describe('Where the value goes in the scenario, as in sweeps: "engine.pricing.thirdPartyWeight", "thirdParties[id=TUR].deploymentCostPerYear".'),
    prior: PriorSchema,
    integer: z.boolean().default(false).describe('Round to a whole number when applied to the scenario (troops, rounds); sampled as a continuous value.'),
    note: z.string().min(1).optional().describe('Why it is estimated and why this prior: what the record says about it (or that it is silent), and where the range comes from.'),
  })
  .describe('A parameter to estimate.');

export const ErrorModelSchema = z
  .union([
    z.strictObject({ sd: z.number().gt(0).describe('Scale of a discrepancy of one, in the measure\'s unit.') }),
    z.strictObject({ relative: z.number().gt(0).max(10).describe('Scale as a share of the recorded value (of the nearer end of a range).') }),
  ])
  .describe('Error scale of a numeric figure: how far the simulated median may be from the record for a discrepancy of one. Default: the tolerance\'s relative distance if "median-within", else 0.25 relative (sd 1 when the record is 0).');

export const FitFigureSchema = z
  .strictObject({
    id: z.string().min(1).max(60).describe('Short key of the figure, unique in the fit.'),
    label: z.string().min(1).describe('The figure in words.'),
    measure: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]*(:[A-Za-z0-9_.-]+)*$/, 'a measure name, optionally with ":"-separated arguments, e.g. "memberType:TUR"')
      .describe('Calibration measure read from each run (`coalsim calibrate --list-measures`).'),
    recorded: CalibrationRecordedSchema,
    tolerance: CalibrationToleranceSchema.optional(),
    error: ErrorModelSchema.optional(),
    role: z.enum(['target', 'check']).describe('"target": used to fit; "check": held out, only scored against the fitted scenario.'),
    unit: z.string().min(1).optional().describe('Unit for display.'),
    source: z.string().min(1).describe('Where the recorded figure comes from.'),
    note: z.string().optional(),
  })
  .describe('A recorded figure.');

export const MethodSchema = z
  .strictObject({
    name: z.literal('abc-smc').default('abc-smc').describe('Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009; Beaumont et al. 2009).'),
    population: z.number().int().min(10).max(100_000).default(200).describe('Particles per generation.'),
    generations: z.number().int().min(1).max(100).default(6).describe('Generations after the prior sample (generation 0 draws from the prior and accepts all).'),
    finalTolerance: z.number().gt(0).optional().describe('Stop earlier once a generation\'s tolerance is at or below this distance. A tolerance of 0 always ends the fit (it cannot shrink further).'),
    quantile: z.number().gt(0).lt(1).default(0.5).describe('Next tolerance: this quantile of the previous generation\'s distances.'),
    kernelScale: z.number().gt(0).max(10).default(2).describe('Perturbation kernel covariance = kernelScale x weighted population covariance (2: Beaumont et al. 2009, Filippi et al. 2013).'),
    maxAttempts: z.number().int().min(1).max(1_000_000).default(2000).describe('Proposals per particle before the fit gives up (tolerance unreachable).'),
    seed: z.number().int().min(0).max(4294967295).default(1).describe('Seed of every random choice of the fit; same seed, same numbers on any number of workers.'),
  })
  .describe('Method settings.');

export const FitSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of schema/fit.schema.json, for editors.'),
    formatVersion: z.literal(FIT_FORMAT_VERSION).describe('Format version of this file.'),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and "-"').describe('Fit id, used in output names.'),
    title: z.string().min(1).max(200).optional(),
    scenario: z.string().min(1).describe('The scenario: a file path relative to this fit file (e.g. "../korea-1950.json"), or the id of a bundled scenario ("default", "korea-1950", ...) when no such file exists.'),
    date: z.iso
      .date('a calendar date YYYY-MM-DD (a real day: no month 13, no 30 February)')
      .optional()
      .describe('Date recorded in the fitted scenario (or --date); never the clock, so outputs stay byte-identical.'),
    parameters: z.array(FitParameterSchema).min(1).max(50).describe('Parameters to estimate.'),
    figures: z.array(FitFigureSchema).min(1).describe('Recorded figures: targets fit the parameters, checks are held out.'),
    seedsPerEvaluation: z.number().int().min(1).max(10_000).default(10).describe('Seeded runs per parameter set; the discrepancy compares their medians (or category shares) with the record.'),
    method: MethodSchema.default({ name: 'abc-smc', population: 200, generations: 6, quantile: 0.5, kernelScale: 2, maxAttempts: 2000, seed: 1 }),
  })
  .describe('A coalsim fit: estimate scenario parameters from recorded figures, with held-out checks.');

export type Fit = z.infer<typeof FitSchema>;
export type FitInput = z.input<typeof FitSchema>;
export type FitParameter = Fit['parameters'][number];
export type FitFigure = Fit['figures'][number];
export type Prior = FitParameter['prior'];
export type ErrorModel = z.infer<typeof ErrorModelSchema>;

export function fitJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FitSchema, { io: 'input', target: 'draft-2020-12' });
  return { ...schema, $id: 'https://coalsim.dev/schema/fit.schema.json', title: 'coalsim fit' };
}
