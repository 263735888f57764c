/**
 * Runs `command` with a signal that SIGINT and SIGTERM abort, so that a server closes cleanly (exit 0) when
 * the process is interrupted; the listeners are removed when it resolves.
 */
export async function untilInterrupted(command: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    return await command(controller.signal);
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
  }
}
