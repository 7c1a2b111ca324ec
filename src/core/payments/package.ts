/**
 * Composing the package that delivers an agreed value per soldier-year at least cost to
 * the pivotal state. The deployment subsidy covers what deploying costs; what the
 * recipient wants beyond its costs is cheapest as side deals that are worth more to it
 * than they cost the giver (value per cost, best first, BRIEF §6). An item worth more than
 * the gap left is given only when it costs less than the cash it replaces. Whatever the
 * catalog cannot cover is paid as a subsidy premium.
 */
import type { SideDealGrant } from '../events';
import { cents } from '../money';

export interface CatalogItem {
  readonly id: string;
  readonly cost: number;
  /** Worth to this recipient. */
  readonly value: number;
}

export interface Package {
  readonly subsidyPerSoldierYear: number;
  readonly sideDeals: readonly SideDealGrant[];
  /** What the pivotal pays in all: side-deal costs now plus subsidies to the end. */
  readonly costToPivotal: number;
}

/**
 * The items worth giving (worth more to the recipient than they cost), best value per cost
 * first. Cached per catalog array (catalogs are read-only): signing a deal under a tight
 * budget searches for the largest contingent that fits, composing a package from the same
 * catalog once per step, and re-filtering and re-sorting it each time was the largest single
 * cost of long sweep-mode runs (14% at 240 rounds).
 */
const usableCache = new WeakMap<readonly CatalogItem[], readonly CatalogItem[]>();
function usableItems(items: readonly CatalogItem[]): readonly CatalogItem[] {
  let usable = usableCache.get(items);
  if (usable === undefined) {
    usable = items.filter((i) => i.value > i.cost && i.value > 0).sort((a, b) => b.value / b.cost - a.value / a.cost || (a.id < b.id ? -1 : 1));
    usableCache.set(items, usable);
  }
  return usable;
}

export function composePackage(args: {
  pricePerSoldierYear: number;
  troops: number;
  /** Soldier-years from signing to the end of the operation. */
  years: number;
  /** Most of the price that counts as cost-linked: the recipient's deployment cost per soldier-year. */
  subsidyCap: number;
  items: readonly CatalogItem[];
  roundsPerYear: number;
  roundsLeft: number;
}): Package {
  const { pricePerSoldierYear: p, troops, years } = args;
  const soldierYears = troops * years;
  let gap = Math.max(0, p - args.subsidyCap) * soldierYears;
  const grants: SideDealGrant[] = [];
  const usable = usableItems(args.items);
  for (const item of usable) {
    if (gap <= 0) break;
    // Lumpy: an item worth more than the gap left is given only if it costs less than the cash
    // premium it replaces (the recipient then gets more than the agreed value). Never giving it
    // made the pivotal pay a gap just under an item's value in cash, at up to value/cost times
    // the item's cost (Egypt's $7.1bn debt relief in gulf-war-1991).
    if (item.value > gap && item.cost >= gap) continue;
    grants.push({ item: item.id, cost: item.cost, value: item.value });
    gap = Math.max(0, gap - item.value);
  }
  const granted = grants.reduce((a, g) => a + g.value, 0);
  // The cost-linked part (up to the cap) is always cash: side deals pay only what is above it.
  const subsidy = soldierYears > 0 ? cents(Math.max(Math.min(p, args.subsidyCap), p - granted / soldierYears, 0)) : 0;
  const perRound = cents((subsidy * troops) / args.roundsPerYear);
  return { subsidyPerSoldierYear: subsidy, sideDeals: grants, costToPivotal: cents(grants.reduce((a, g) => a + g.cost, 0) + perRound * args.roundsLeft) };
}
