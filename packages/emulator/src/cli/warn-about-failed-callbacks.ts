import type { CallbackOutcome } from "../emulator-types.js";
import type { CommandContext } from "./types.js";

/**
 * Warns on stderr about callbacks whose listener failed; the change itself was made, so this is not an error.
 *
 * @example
 * warnAboutFailedCallbacks(result.callbacks, context);
 */
export function warnAboutFailedCallbacks(
  callbacks: readonly CallbackOutcome[],
  context: CommandContext,
): void {
  for (const outcome of callbacks) {
    if (outcome.ok || outcome.skipped === true || outcome.url === null) continue;
    const what = outcome.status === null ? (outcome.error ?? "no answer") : `HTTP ${outcome.status}`;
    context.warn(
      `${outcome.event} callback to ${outcome.url} failed (${what}); the change was made anyway. Is your listener running?`,
    );
  }
}
