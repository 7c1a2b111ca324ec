import { batchSizeAfter } from '../../src/experiment/executor';

describe('worker batch sizing', () => {
  it('aims batches at a fixed time, grows at most twofold, stays within bounds', () => {
    expect(batchSizeAfter(16, 4)).toBe(32); // fast runs: at most double
    expect(batchSizeAfter(128, 20)).toBe(256);
    expect(batchSizeAfter(256, 80)).toBe(128); // slow: shrink to ~40 ms
    expect(batchSizeAfter(16, 1000)).toBe(16); // never below the default
    expect(batchSizeAfter(512, 1)).toBe(512); // never above the cap
    expect(batchSizeAfter(16, 0)).toBe(32);
  });
});
