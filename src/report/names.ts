/** Country names in running text. */

/** "the United States", "the Netherlands", "Poland": the article that English puts before some country names. */
export function theName(name: string): string {
  if (/^the /i.test(name)) return name;
  const needs = /^(United|Central African|Czech|Dominican|Democratic|Republic|Islamic)\b/.test(name) || /\b(Republic|Kingdom|Union|Federation|Emirates|Islands|States|Coalition|Alliance)\b/.test(name) || /^(Netherlands|Philippines|Bahamas|Gambia|Maldives|Seychelles|Comoros)$/.test(name);
  return needs ? `the ${name}` : name;
}

/** Sentence-initial form: "The United States". */
export function TheName(name: string): string {
  const n = theName(name);
  return n[0]!.toUpperCase() + n.slice(1);
}

/** "Poland's", "the United States'". */
export function possessive(name: string): string {
  return /s$/.test(name) ? `${name}'` : `${name}'s`;
}
