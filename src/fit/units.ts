/**
 * The unit of a fitted parameter, read from its scenario path (the scenario format's naming:
 * money fields end in `PerYear`, `PerSoldierYear` or `PerSoldierPerRound`, or are the budget),
 * and its value written in that unit for the terminal. Data files keep the plain numbers.
 */
import { fmtInt, fmtMoney } from '../cli/render/format';

export type ParameterUnit = 'US$' | 'US$ a year' | 'US$ per soldier-year' | 'US$ per soldier per round' | 'troops' | 'persons' | 'rounds' | 'rounds a year' | null;

/** The unit of the field at `path` (e.g. `pivotal.flagValuePerYear`: US$ a year); null for a weight, share or probability. */
export function parameterUnit(path: string): ParameterUnit {
  const field = path.slice(path.lastIndexOf('.') + 1);
  if (field === 'roundsPerYear') return 'rounds a year';
  if (field.endsWith('PerSoldierPerRound')) return 'US$ per soldier per round';
  if (field.endsWith('PerSoldierYear')) return 'US$ per soldier-year';
  if (field === 'deploymentCostPerYear' || field === 'ownSoldierCostPerYear' || field === 'opportunismMarkupPerYear' || field === 'signallingValuePerYear' || field === 'intrinsicValuePerYear') return 'US$ per soldier-year';
  if (field.endsWith('PerYear')) return 'US$ a year';
  if (field === 'budget' || field === 'amount') return 'US$';
  if (field === 'troops' || field === 'maxTroops' || field === 'followUpTroops' || field === 'minContingent') return 'troops';
  if (field === 'armedForces') return 'persons';
  if (field === 'deadline' || field === 'rounds' || field === 'availableFromRound') return 'rounds';
  return null;
}

/** A value in its unit: money as $1.23B / $45.6M / $12,345, counts as whole numbers, other numbers to 3 significant digits (trailing zeros dropped). */
export function formatParameterValue(value: number, unit: ParameterUnit, integer = false): string {
  if (unit !== null && unit.startsWith('US$')) return fmtMoney(value);
  if (integer || unit === 'troops' || unit === 'persons' || unit === 'rounds' || unit === 'rounds a year') return fmtInt(value);
  return String(Number(value.toPrecision(3)));
}
