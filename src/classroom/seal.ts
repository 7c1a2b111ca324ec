/**
 * The seal of a single-file output (the classroom page): the sha256 of the page as coalsim wrote
 * it, carried in the page's own head, since a lone file has no manifest beside it. `--force` may
 * replace a page whose seal is intact (coalsim's bytes, unedited) and nothing else: a teacher's
 * notes added to the page, or any edit, break the seal, and the page is then partly the user's.
 * Pure.
 */
import { sha256 } from '../output/manifest';
import { GENERATOR_TAG } from './page';

/** The tag the seal goes after: every classroom page carries it. */
const ANCHOR = GENERATOR_TAG;
const SEAL = /\n<meta name="coalsim-sha256" content="([0-9a-f]{64})">/;

/** The page with its seal: a `coalsim-sha256` meta tag after the generator tag, holding the sha256 of the page without it. Throws when the page has no generator tag (a bug). */
export function sealPage(page: string): string {
  const at = page.indexOf(ANCHOR);
  if (at < 0) throw new Error('sealPage: the page has no coalsim generator tag');
  const end = at + ANCHOR.length;
  return `${page.slice(0, end)}\n<meta name="coalsim-sha256" content="${sha256(page)}">${page.slice(end)}`;
}

/**
 * What a file at --out is, as far as replacing it goes: `sealed` (a page coalsim wrote, unedited),
 * `edited` (a sealed page whose bytes changed since), `unsealed` (a classroom page of a coalsim
 * that did not seal its pages: whether it was edited cannot be told) or `foreign` (no generator tag).
 */
export function pageSealState(existing: string): 'sealed' | 'edited' | 'unsealed' | 'foreign' {
  const anchor = existing.indexOf(ANCHOR);
  if (anchor < 0 || anchor > 2000) return 'foreign';
  const m = SEAL.exec(existing);
  if (m === null) return 'unsealed';
  const unsealed = existing.slice(0, m.index) + existing.slice(m.index + m[0].length);
  return sha256(unsealed) === m[1] ? 'sealed' : 'edited';
}
