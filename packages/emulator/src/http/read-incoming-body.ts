import type { IncomingMessage } from "node:http";
import type { EmulatorRequestError } from "../errors/emulator-request-error.js";

/**
 * Reads a request body straight from node:http's IncomingMessage, up to `limit` bytes; beyond it, `onOverflow()`
 * is rejected with and reading stops (the rest is never read: the answer closes the connection). Content-Length is
 * checked first, as `readLimitedBody` does. The invoke endpoint reads its form this way when node-server hands it
 * the message (`c.env.incoming`): building a web Request and stream around it cost more than the rest of reading.
 *
 * @example
 * const bytes = await readIncomingBody(incoming, 1_048_576, () => new EmulatorRequestError({ status: 413, ... }));
 */
export function readIncomingBody(
  incoming: IncomingMessage,
  limit: number,
  onOverflow: () => EmulatorRequestError,
): Promise<Uint8Array> {
  const declared = incoming.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(onOverflow());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error?: unknown) => {
      incoming.off("data", onData).off("end", onEnd).off("error", finish).off("close", onClose);
      if (error === undefined) resolve(Buffer.concat(chunks, size));
      else reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        incoming.pause();
        finish(onOverflow());
      } else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onClose = () => finish(new Error("the request was closed before its body ended"));
    incoming.on("data", onData).on("end", onEnd).on("error", finish).on("close", onClose);
  });
}
