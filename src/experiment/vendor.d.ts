/** Minimal types for the two untyped libraries the sweep uses. */
declare module 'sobol' {
  export class SobolSequenceGenerator {
    constructor(dimension: number);
    nextVector(): number[];
  }
}

declare module 'jstat' {
  export const jStat: {
    studentt: { inv(p: number, dof: number): number };
  };
}
