/**
 * Test functions with analytic Sobol' indices (Saltelli et al. 2008, Global Sensitivity
 * Analysis: The Primer, Wiley, §3.7 and §4.4; Sobol' 1993 for the G-function).
 */

/** Ishigami & Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i uniform on [-pi, pi]. */
export function ishigami(x: readonly number[], a = 7, b = 0.1): number {
  return Math.sin(x[0]!) + a * Math.sin(x[1]!) ** 2 + b * x[2]! ** 4 * Math.sin(x[0]!);
}

/** From the unit cube to Ishigami's [-pi, pi]^3. */
export const toIshigami = (u: readonly number[]): number[] => u.map((v) => -Math.PI + 2 * Math.PI * v);

/** Analytic indices of the Ishigami function. */
export function ishigamiIndices(a = 7, b = 0.1): { S1: number[]; ST: number[]; S13: number } {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const V1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const V2 = a ** 2 / 8;
  const V13 = (b ** 2 * pi8 * 8) / 225; // b^2 pi^8 (1/18 - 1/50)
  const V = V1 + V2 + V13;
  return { S1: [V1 / V, V2 / V, 0], ST: [(V1 + V13) / V, V2 / V, V13 / V], S13: V13 / V };
}

/** Sobol' G-function on [0, 1]^D: prod_i (|4 x_i - 2| + a_i) / (1 + a_i). */
export function gFunction(x: readonly number[], a: readonly number[]): number {
  return a.reduce((p, ai, i) => (p * (Math.abs(4 * x[i]! - 2) + ai)) / (1 + ai), 1);
}

/** Analytic indices of the G-function: V_i = 1 / (3 (1 + a_i)^2), V = prod (1 + V_i) - 1. */
export function gIndices(a: readonly number[]): { S1: number[]; ST: number[] } {
  const Vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const V = Vi.reduce((p, v) => p * (1 + v), 1) - 1;
  return {
    S1: Vi.map((v) => v / V),
    ST: Vi.map((v, i) => (v * Vi.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / V),
  };
}
