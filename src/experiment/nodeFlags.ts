/**
 * V8 flags for processes that run the engine in bulk (sweeps, fits): each thread collects its
 * own garbage on its own thread (`--single-threaded-gc`). A run allocates about 2 MB of
 * short-lived records; by default V8 scavenges with helper threads on every core, so one
 * worker kept about 1.2 cores busy and two workers fought over both. Measured on this
 * project's 2-core machine (a 4,000-run sweep of 50 parties x 60 rounds, 2026-12-06): one
 * worker 10.55 s -> 9.27 s of wall, two workers 6.74 s -> 5.45 s (x1.94 the default one
 * worker's throughput). Garbage collection never changes results: outputs are byte-identical.
 *
 * The flag must be given when node starts: set at run time (`v8.setFlagsFromString`) it
 * crashed a sweep in V8's concurrent marker. So `bin/coalsim.js` carries it in its shebang,
 * and the job scripts and child processes coalsim writes or starts pass it explicitly.
 */
export const ENGINE_NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];
