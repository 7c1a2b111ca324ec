/**
 * A field reference in Markdown, generated from a JSON Schema, so the documentation of the
 * scenario and experiment formats can never drift from the schema (docs/scenario-format.md
 * and docs/experiment-format.md are this output; a test checks they are current).
 */
type Node = {
  type?: string | string[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  oneOf?: Node[];
  anyOf?: Node[];
  additionalProperties?: boolean | Node;
  minItems?: number;
};

function typeOf(n: Node): string {
  if (n.const !== undefined) return `\`${JSON.stringify(n.const)}\``;
  if (n.enum) return n.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (n.oneOf || n.anyOf) return 'one of the forms below';
  if (n.type === 'array') return `array of ${n.items ? typeOf(n.items) : 'values'}`;
  if (n.type === 'object' && typeof n.additionalProperties === 'object') return `map of id to ${typeOf(n.additionalProperties)}`;
  if (Array.isArray(n.type)) return n.type.join(' \\| ');
  return n.type ?? 'any';
}

function range(n: Node): string {
  const lo = n.exclusiveMinimum !== undefined ? `> ${n.exclusiveMinimum}` : n.minimum !== undefined ? `>= ${n.minimum}` : '';
  const hi = n.exclusiveMaximum !== undefined ? `< ${n.exclusiveMaximum}` : n.maximum !== undefined ? `<= ${n.maximum}` : '';
  return [lo, hi].filter(Boolean).join(', ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function schemaToMarkdown(schema: object, title: string, intro: string): string {
  const out: string[] = [`# ${title}`, '', intro, '', 'Generated from the JSON Schema; do not edit by hand.', ''];
  const sections: { path: string; node: Node }[] = [{ path: '(root)', node: schema as Node }];
  const seen = new Set<string>();
  while (sections.length > 0) {
    const { path, node } = sections.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const variants = node.oneOf ?? node.anyOf;
    if (variants) {
      variants.forEach((v, i) => {
        const tag = Object.entries(v.properties ?? {}).find(([, p]) => p.const !== undefined);
        sections.unshift({ path: `${path} (${tag ? `${tag[0]}: ${JSON.stringify(tag[1].const)}` : `form ${i + 1}`})`, node: v });
      });
      continue;
    }
    if (!node.properties) continue;
    out.push(`## \`${path}\``, '');
    if (node.description) out.push(node.description, '');
    out.push('| field | type | required | default | range | meaning |', '| --- | --- | --- | --- | --- | --- |');
    for (const [key, child] of Object.entries(node.properties)) {
      const required = node.required?.includes(key) ? 'yes' : '';
      const def = child.default === undefined ? '' : `\`${JSON.stringify(child.default)}\``;
      out.push(`| \`${key}\` | ${cell(typeOf(child))} | ${required} | ${cell(def.length > 60 ? '(see below)' : def)} | ${range(child)} | ${cell(child.description ?? '')} |`);
      const inner = child.type === 'array' && child.items ? child.items : typeof child.additionalProperties === 'object' ? child.additionalProperties : child;
      const suffix = child.type === 'array' ? '[]' : '';
      if (inner.properties || inner.oneOf || inner.anyOf) sections.push({ path: path === '(root)' ? `${key}${suffix}` : `${path}.${key}${suffix}`, node: inner });
    }
    out.push('');
  }
  return out.join('\n');
}
