/** Human formatting for the terminal (never used in data files). */
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function fmtInt(n: number): string {
  return int.format(n);
}

/** $1.23B, $45.6M, $12,345. */
export function fmtMoney(n: number | null): string {
  if (n === null) return '-';
  const a = Math.abs(n);
  if (a >= 1e9) return `$${(n / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `$${(n / 1e6).toFixed(1)}M`;
  return `$${int.format(n)}`;
}

export function fmtShare(n: number | null): string {
  return n === null ? '-' : n.toFixed(2);
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
}

export function bold(text: string, color: boolean): string {
  return color ? `\x1b[1m${text}\x1b[22m` : text;
}

/** Columns to fit: the terminal's width, or 80 when the output is not a terminal (a pipe, a file). */
export function terminalWidth(stream: NodeJS.WriteStream): number {
  return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : 80;
}
