/**
 * The experiment format: a base scenario, parameters addressed by path into it, a design,
 * replicates, metrics and a base seed. Single source of truth for the type, validation and
 * the committed JSON Schema (schema/experiment.schema.json).
 */
import { z } from 'zod';
import { MAX_DESIGN_POINTS } from '../scenario/limits';
import { METRIC_NAMES } from './metrics';

export const EXPERIMENT_FORMAT_VERSION = 1;

/** Runs one sweep may hold; far above what a cluster does in a day at ~2 ms a run. */
export const MAX_RUNS = 100_000_000;
/** The Sobol generator used is exact for the first 2^20 points. */
export const MAX_SOBOL_POINTS = 1_048_576;
/** Saltelli base samples: the 2D-dimensional Sobol sequence used stays exact far beyond this. */
export const MAX_SALTELLI_SAMPLES = 262_144;

export const RESERVED_COLUMNS = ['run', 'runs', 'point', 'point_key', 'replicate', 'seed', 'status', 'error', 'metric', 'n', 'failed', 'mean', 'sd', 'ci95_low', 'ci95_high', 'ci_method'] as const;

const columnName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a column name: a letter, then letters, digits or "_" (at most 40)');

export const ParameterSchema = z
  .strictObject({
    name: columnName.describe('Column name of this parameter in runs.csv and aggregate.csv.'),
    path: z
      .string()
      .min(1)
      .describe('Where the value goes in the scenario: "engine.pricing.thirdPartyWeight", "pivotal.demand[1].troops", "thirdParties[id=TUR].criticality".'),
    values: z.array(z.unknown()).min(1).max(100_000).optional().describe('The values to try (any JSON). For sampled designs, a sample picks one of them.'),
    min: z.number().optional().describe('Lower end of a range (with max).'),
    max: z.number().optional().describe('Upper end of a range (with min).'),
    levels: z.number().int().min(2).max(100_000).optional().describe('Grid design: evenly spaced values from min to max (geometric when scale is "log").'),
    integer: z.boolean().default(false).describe('Round values of the range to whole numbers (troops, rounds).'),
    scale: z.enum(['linear', 'log']).default('linear').describe('Spacing of a range: "log" spreads values geometrically (min must be > 0).'),
  })
  .describe('A parameter: one place in the scenario that the sweep varies.');

export const DesignSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('grid') }).describe('Every combination of the parameters\' values (the first parameter varies slowest).'),
  z
    .strictObject({
      type: z.literal('lhs'),
      points: z.number().int().min(1).max(MAX_DESIGN_POINTS).describe('Number of sampled points (at most 100,000: see "Limits" in the README).'),
    })
    .describe('Latin hypercube sample: each parameter\'s range cut into `points` equal strata, each stratum used once. Drawn from the base seed.'),
  z
    .strictObject({
      type: z.literal('sobol'),
      points: z.number().int().min(1).max(Math.min(MAX_SOBOL_POINTS, MAX_DESIGN_POINTS)).describe('Number of points of the Sobol sequence (powers of 2 are best balanced).'),
    })
    .describe('Sobol low-discrepancy sequence over the parameters\' ranges (deterministic; unscrambled).'),
  z
    .strictObject({
      type: z.literal('saltelli'),
      samples: z.number().int().min(2).max(MAX_SALTELLI_SAMPLES).describe('Base samples N (powers of 2 are best balanced). The design has N(D+2) points for D parameters, N(2D+2) with secondOrder.'),
      secondOrder: z.boolean().default(false).describe('Also estimate second-order (pairwise interaction) indices S2; nearly doubles the points.'),
    })
    .describe('Saltelli (2002, 2010) design for Sobol\' variance-based sensitivity indices (first order S1, total order ST, optionally S2), from the Sobol sequence. `coalsim analyze` (run automatically at the end of the sweep) computes the indices.'),
  z
    .strictObject({
      type: z.literal('morris'),
      trajectories: z.number().int().min(2).max(10_000).describe('Trajectories r kept; the design has r(D+1) points for D parameters. 10 to 50 is customary.'),
      levels: z.number().int().min(2).max(20).default(4).describe('Grid levels p of each parameter\'s range; the step is p / (2(p - 1)) of the range. Even p, usually 4.'),
      candidates: z.number().int().min(2).max(2000).optional().describe('Random trajectories drawn, of which the r most spread out are kept (Campolongo et al. 2007). Default 10 r, at most 2000.'),
    })
    .describe('Morris (1991) elementary-effects screening with Campolongo et al.\'s (2007) choice of trajectories; `coalsim analyze` computes mu*, mu and sigma. Drawn from the base seed.'),
]);

export const ExperimentSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editor completion.'),
    formatVersion: z.literal(EXPERIMENT_FORMAT_VERSION).describe('Experiment format version; this release reads 1.'),
    id: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,59}$/, 'an id: a letter, then letters, digits, "_", "-" or "." (at most 60)')
      .describe('Experiment id, used in manifests and default output paths.'),
    title: z.string().min(1).max(200),
    description: z.string().min(1).optional(),
    scenario: z.string().min(1).describe('The base scenario: a file path relative to this experiment file, or the id of a bundled scenario ("default", "korea-1950", ...) when no such file exists.'),
    parameters: z.array(ParameterSchema).max(40).default([]).describe('What the sweep varies. None: replicates of the base scenario only.'),
    design: DesignSchema.default({ type: 'grid' }),
    replicates: z.number().int().min(1).max(1_000_000).describe('Runs per parameter point, each with its own seed.'),
    metrics: z.array(z.enum(METRIC_NAMES)).min(1).describe('Named reporters collected from every run (see `coalsim sweep --list-metrics`).'),
    seed: z.number().int().min(0).max(0xffffffff).default(1).describe('Base seed: every run\'s seed derives from it, the parameter point and the replicate.'),
  })
  .describe('A coalsim experiment: a parameter sweep over a base scenario.');

export type Experiment = z.output<typeof ExperimentSchema>;
export type ExperimentInput = z.input<typeof ExperimentSchema>;
export type ParameterSpec = Experiment['parameters'][number];
export type Design = Experiment['design'];

export function experimentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ExperimentSchema, { io: 'input', target: 'draft-2020-12' });
  return { ...schema, $id: 'https://coalsim.dev/schema/experiment.schema.json', title: 'coalsim experiment' };
}
