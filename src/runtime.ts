/**
 * Process-wide settings for speed, applied at the edges (the CLI and sweep workers), never
 * in the pure core or in tests. immer deep-freezes every new state by default, which guards
 * against accidental mutation but costs 15-50% of a run (`npm run bench`); outputs are the
 * same either way. The tests keep freezing on, so a mutation bug still fails there.
 * COALSIM_FREEZE=1 turns it back on for debugging.
 */
import { setAutoFreeze } from 'immer';

export function configureRuntime(): void {
  setAutoFreeze(process.env.COALSIM_FREEZE === '1');
}
