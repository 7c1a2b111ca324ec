/**
 * Ctrl-C (SIGINT) and SIGTERM during long work (a sweep, a fit): the first asks the work to stop
 * after what is in progress, which is then stored and can be resumed; a second leaves at once
 * (exit 130), since every finished batch is already committed.
 */
export interface StopSignals {
  /** Whether a stop was asked for. */
  readonly requested: () => boolean;
  /** Stop listening (call when the work ends). */
  release(): void;
}

/**
 * Listen for stop requests; `inProgress` names what is finished first ("the runs", "the
 * particles"). `quitHint`, when given, is printed before a second request quits at once (what to
 * run to complete what was cut short).
 */
export function stopOnSignals(inProgress: string, quitHint?: string): StopSignals {
  let requests = 0;
  const onSignal = (): void => {
    requests++;
    if (requests > 1) {
      if (quitHint !== undefined) process.stderr.write(`\ncoalsim: ${quitHint}\n`);
      process.exit(130);
    }
    process.stderr.write(`\ncoalsim: stopping after ${inProgress} in progress (Ctrl-C again to quit now)...\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    requested: () => requests > 0,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
