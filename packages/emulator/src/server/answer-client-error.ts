import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";
import { errorBody } from "../http/error-response.js";

/** Node's parser error codes, and what the emulator answers for them. */
function refusalOf(code: string | undefined): EmulatorRequestError {
  if (code === "HPE_HEADER_OVERFLOW") {
    return new EmulatorRequestError({
      status: 431,
      errorCode: "REQUEST_HEADER_FIELDS_TOO_LARGE",
      message: "the request head (request line and headers) is larger than this server accepts (16 KiB)",
    });
  }
  if (code === "ERR_HTTP_REQUEST_TIMEOUT" || code === "ERR_HTTP_HEADERS_TIMEOUT") {
    return new EmulatorRequestError({
      status: 408,
      errorCode: "REQUEST_TIMEOUT",
      message: "the request was not received in time",
    });
  }
  return new EmulatorRequestError({
    status: 400,
    errorCode: "BAD_REQUEST",
    message: `the request is not valid HTTP/1.1${code?.startsWith("HPE_") ? ` (${code})` : ""}`,
  });
}

/**
 * Answers a request Node's HTTP parser refused before any handler ran (an oversized head, a malformed request line
 * or header, a timeout) with the same typed JSON error as every other refusal, instead of Node's bare status line.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const refusal = refusalOf(error.code);
  const body = JSON.stringify(errorBody(refusal));
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
      "Content-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "Connection: close\r\n\r\n" +
      body,
  );
}
