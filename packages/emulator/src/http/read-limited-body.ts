import { Readable } from "node:stream";
import type { EmulatorRequestError } from "../errors/emulator-request-error.js";

/**
 * Reads a request or response body (a web stream, or a Node stream such as a forwarded call's answer) up to
 * `limit` bytes; beyond it, `onOverflow()` is thrown and the stream is cancelled (a Node stream destroyed, closing
 * its socket). Content-Length is checked first so an honest oversized body is refused without reading it.
 */
export async function readLimitedBody(
  body: ReadableStream<Uint8Array> | Readable | null,
  contentLength: string | null,
  limit: number,
  onOverflow: () => EmulatorRequestError,
): Promise<Uint8Array> {
  if (contentLength !== null && Number(contentLength) > limit) throw onOverflow();
  if (body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (body instanceof Readable) {
    // Leaving the loop by a throw destroys the stream.
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limit) throw onOverflow();
      chunks.push(chunk);
    }
    return concat(chunks, size);
  }
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw onOverflow();
    }
    chunks.push(value);
  }
  return concat(chunks, size);
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
