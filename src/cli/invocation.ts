/**
 * How the user called coalsim, for commands printed back to be pasted (help examples, "tells
 * each one" hints): `npx coalsim` when npx ran it (npm sets npm_command=exec: inside a checkout
 * coalsim is not on PATH, so a bare `coalsim ...` would fail with "command not found"), else
 * `coalsim` (installed, linked, or the bin run directly). Terminal text only: no file coalsim
 * writes depends on it.
 */
export function invocation(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_command === 'exec' ? 'npx coalsim' : 'coalsim';
}
