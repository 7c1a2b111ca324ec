/** Sweep charts (placeholder until rendering lands). */
import type { CompiledExperiment } from './load';

export async function renderSweepCharts(_dir: string, _c: CompiledExperiment, _warn: (message: string) => void): Promise<string[]> {
  return [];
}
