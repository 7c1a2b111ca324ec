import { pageSealState, sealPage } from '../../src/classroom/seal';

const PAGE = '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<meta name="generator" content="coalsim classroom">\n<title>t</title>\n</head>\n<body><main>x</main></body>\n</html>\n';

describe('the seal of a classroom page', () => {
  it('holds the sha256 of the page without it, after the generator tag, and reads back as intact', () => {
    const sealed = sealPage(PAGE);
    expect(sealed).toMatch(/<meta name="generator" content="coalsim classroom">\n<meta name="coalsim-sha256" content="[0-9a-f]{64}">\n<title>/);
    expect(sealed.replace(/\n<meta name="coalsim-sha256" content="[0-9a-f]{64}">/, '')).toBe(PAGE);
    expect(pageSealState(sealed)).toBe('sealed');
  });

  it('tells an edit (one character anywhere), a page without a seal and a foreign file apart', () => {
    const sealed = sealPage(PAGE);
    expect(pageSealState(sealed.replace('<main>x', '<main>y'))).toBe('edited');
    expect(pageSealState(sealed.replace('<title>t', '<title>T'))).toBe('edited');
    expect(pageSealState(PAGE)).toBe('unsealed');
    expect(pageSealState('<html>my lesson plan</html>')).toBe('foreign');
    expect(() => sealPage('<html></html>')).toThrow(/no coalsim generator tag/);
  });
});
