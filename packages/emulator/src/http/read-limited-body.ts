import type { EmulatorRequestError } from "../errors/emulator-request-error.js";

/**
 * Reads a request or response body up to `limit` bytes; beyond it, `onOverflow()` is thrown.
 * Content-Length is checked first so an honest oversized body is refused without reading it.
 */
export async function readLimitedBody(
  body: ReadableStream<Uint8Array> | null,
  contentLength: string | null,
  limit: number,
  onOverflow: () => EmulatorRequestError,
): Promise<Uint8Array> {
  if (contentLength !== null && Number(contentLength) > limit) throw onOverflow();
  if (body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
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
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
