/** The strategies a scenario can name, per agent. Add one here to make it selectable. */
import { CENT, type Response, type Strategy } from './types';
import { equilibrium } from './equilibrium';
import { screening } from './screening';
import { BOULWARE_EXPONENT, CONCEDER_EXPONENT, timeDependent } from './timeDependent';

export type StrategyName = 'equilibrium' | 'screening' | 'boulware' | 'conceder' | 'fixed-rate';

/** A posted per-soldier rate, no haggling: offers it every time, accepts asks at or below it. */
export function fixedRateStrategy(pricePerSoldierYear: number): Strategy {
  return {
    name: 'fixed-rate',
    // The rate is the rate: a pivotal for whom it is above this partner's worth walks away instead.
    propose: (view) => (view.role === 'pivotal' ? (pricePerSoldierYear <= view.ownReservation + CENT ? pricePerSoldierYear : null) : Math.max(pricePerSoldierYear, view.ownReservation)),
    respond: (view, offer): Response => {
      // Never past its own reservation either: a posted rate above what a partner is worth to the pivotal is not an offer to pay that much for it.
      const ok = view.role === 'pivotal' ? offer <= Math.min(pricePerSoldierYear, view.ownReservation) + CENT : offer >= Math.max(pricePerSoldierYear, view.ownReservation) - CENT;
      return ok ? 'accept' : view.remaining <= 1 ? 'walk-away' : 'reject';
    },
  };
}

export function strategyFor(name: StrategyName, opts: { concessionExponent?: number | undefined; fixedRatePerSoldierYear?: number | undefined }): Strategy {
  switch (name) {
    case 'equilibrium':
      return equilibrium;
    case 'screening':
      return screening;
    case 'boulware':
      return timeDependent('boulware', opts.concessionExponent ?? BOULWARE_EXPONENT);
    case 'conceder':
      return timeDependent('conceder', opts.concessionExponent ?? CONCEDER_EXPONENT);
    case 'fixed-rate':
      return fixedRateStrategy(opts.fixedRatePerSoldierYear ?? 0);
  }
}
