import type { CliIo } from "./types.js";

/**
 * The real process as CLI I/O. The first SIGINT/SIGTERM asks `start` to stop cleanly; a second one exits at once.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), createProcessIo());
 */
export function createProcessIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    waitForStop: () =>
      new Promise((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off("SIGINT", stop).off("SIGTERM", stop);
          // A second signal while closing means "now": 128 + signal number, as shells report it.
          process.once("SIGINT", () => process.exit(130)).once("SIGTERM", () => process.exit(143));
          resolve(signal);
        };
        process.on("SIGINT", stop).on("SIGTERM", stop);
      }),
  };
}
