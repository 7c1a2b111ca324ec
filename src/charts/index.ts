/** Every chart of a run, built from its saved outputs. Pure: data in, chart specs out. */
import type { RunOutputs } from '../report/loadOutputs';
import { chartData } from './data';
import { flowsChart } from './specs/flows';
import { forcesChart } from './specs/forces';
import { holdupsChart } from './specs/holdups';
import { paymentsByKindChart, paymentsCumulativeChart, paymentsPerRoundChart } from './specs/payments';
import { powerChart } from './specs/power';
import { signallingChart } from './specs/signalling';
import { troopsChart } from './specs/troops';
import type { ChartSpec } from './types';

export type { ChartSpec } from './types';

/** In reading order: the story's market first, then who came, what it cost and who paid it, and who held the power. */
export function buildCharts(outputs: RunOutputs): ChartSpec[] {
  const d = chartData(outputs);
  const specs: (ChartSpec | null)[] = [
    forcesChart(d),
    troopsChart(d),
    paymentsPerRoundChart(d),
    paymentsCumulativeChart(d),
    paymentsByKindChart(d),
    flowsChart(d),
    powerChart(d),
    holdupsChart(d),
    signallingChart(d),
  ];
  return specs.filter((s): s is ChartSpec => s !== null);
}
