'use strict';
/**
 * A reference for parallel speed-up on this machine (bench/sweep.js prints it beside the sweep's):
 * a fixed amount of pure arithmetic (a 32 KB table updated in a loop: no allocation, no garbage,
 * nothing shared between threads) split over 1 and then over N worker threads of one process. On
 * a virtual machine two vCPUs need not give twice the work of one (a hypervisor's other guests,
 * shared caches, turbo clocks that fall with more cores busy). What this kernel loses at a given
 * moment an engine sweep likely loses too, so the sweep's 2-worker figure is read against it; it
 * is not a strict bound (the load changes between measurements, and the workloads differ).
 *
 *   node bench/ceiling.js [iterations]    prints JSON { workers, secs1, secsN, speedup }
 */
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

/** Integer-hashed updates of a small table: the same instructions whatever the thread count. */
function kernel(iterations) {
  const table = new Float64Array(4096);
  let sum = 0;
  for (let i = 0; i < iterations; i++) {
    const j = Math.imul(i, 2654435761) >>> 20;
    table[j] = table[j] * 0.999 + i;
    sum += table[j];
  }
  return sum;
}

/** Wall seconds for `iterations` split evenly over `threads` workers started together. */
function timed(iterations, threads) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    let done = 0;
    for (let w = 0; w < threads; w++) {
      const worker = new Worker(__filename, { workerData: { iterations: Math.round(iterations / threads) } });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`bench/ceiling.js: a worker exited with code ${code}`));
      });
      worker.once('message', (sum) => {
        if (!Number.isFinite(sum)) reject(new Error('bench/ceiling.js: the kernel returned no sum'));
        else if (++done === threads) resolve(Number(process.hrtime.bigint() - t0) / 1e9);
      });
    }
  });
}

/**
 * Over `repeats` interleaved pairs (1 thread, then N): the median wall time of each, and the median
 * of the pairs' ratios (so the speed-up need not equal secs1 / secsN).
 */
async function ceiling(threads, iterations, repeats) {
  const one = [];
  const many = [];
  for (let k = 0; k < repeats; k++) {
    one.push(await timed(iterations, 1));
    many.push(await timed(iterations, threads));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratios = one.map((s, k) => s / many[k]);
  return { workers: threads, secs1: median(one), secsN: median(many), speedup: median(ratios) };
}

if (!isMainThread) {
  // The sum goes back so that the loop's work is used and cannot be optimised away.
  parentPort.postMessage(kernel(workerData.iterations));
} else if (require.main === module) {
  const { availableParallelism } = require('node:os');
  ceiling(availableParallelism(), Number(process.argv[2] ?? 1.2e9), 5).then((r) => process.stdout.write(JSON.stringify(r) + '\n'));
}

module.exports = { ceiling };
