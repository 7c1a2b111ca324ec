import { parameterLine } from '../../src/cli/commands/fit';
import { formatParameterValue, parameterUnit } from '../../src/fit/units';

describe('a fitted parameter is printed in its unit (fit/units.ts)', () => {
  it('reads the unit from the scenario field the path names', () => {
    expect(parameterUnit('pivotal.flagValuePerYear')).toBe('US$ a year');
    expect(parameterUnit('pivotal.budget')).toBe('US$');
    expect(parameterUnit('thirdParties[id=THA].opportunismMarkupPerYear')).toBe('US$ per soldier-year');
    expect(parameterUnit('thirdParties[id=TUR].access[0].valuePerYear')).toBe('US$ a year');
    expect(parameterUnit('pivotal.bargaining.fixedRatePerSoldierPerRound')).toBe('US$ per soldier per round');
    expect(parameterUnit('clock.roundsPerYear')).toBe('rounds a year');
    expect(parameterUnit('pivotal.bargaining.openness')).toBeNull();
    expect(parameterUnit('thirdParties[id=ZAF].casualtySensitivity')).toBeNull();
  });

  it('writes money as a sum, weights to 3 significant digits, counts whole', () => {
    expect(formatParameterValue(4_571_931.364031, 'US$ a year')).toBe('$4.6M');
    expect(formatParameterValue(19_636_879_060.36, 'US$')).toBe('$19.64B');
    expect(formatParameterValue(0.763672, null)).toBe('0.764');
    expect(formatParameterValue(1, null)).toBe('1');
    expect(formatParameterValue(2.6, null, true)).toBe('3');
  });

  it('gives the line the terminal prints, the unit after the value it was', () => {
    expect(parameterLine({ name: 'flagValue', path: 'pivotal.flagValuePerYear', integer: false, median: 4_571_931.36, q05: 1_204_000, q95: 9_812_500, before: 2e7 })).toBe('  flagValue = $4.6M  [90%: $1.2M, $9.8M]  (was $20.0M; US$ a year)');
    expect(parameterLine({ name: 'openness', path: 'pivotal.bargaining.openness', integer: false, median: 0.763672, q05: 0.616517, q95: 0.862533, before: 0.76342 })).toBe('  openness = 0.764  [90%: 0.617, 0.863]  (was 0.763)');
    expect(parameterLine({ name: 'width', path: 'engine.pricing.priorWidth', integer: false, median: 0.5, q05: 0.25, q95: 0.75, before: null })).toBe('  width = 0.5  [90%: 0.25, 0.75]  (was unset)');
  });
});
