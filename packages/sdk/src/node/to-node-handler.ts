import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Options of {@link toNodeHandler}.
 *
 * @example
 * const options: NodeHandlerOptions = { maxBodyBytes: 64 * 1024, onError: (error) => console.error(error) };
 */
export interface NodeHandlerOptions {
  /** Larger request bodies are answered 413 without calling the handler. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Told when the handler threw (the client gets a bare 500). */
  onError?: (error: unknown) => void;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function urlOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`).href;
  } catch {
    // A Host header that is no host name: the path still routes.
    return new URL(req.url ?? "/", "http://localhost").href;
  }
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  // rawHeaders keeps repeated headers as they came; Headers joins them as fetch does.
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    try {
      headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    } catch {
      // Node accepted a header value that the Fetch standard refuses; the handler never needs it.
    }
  }
  return headers;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer> | "too large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return "too large";
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  const body = response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, response.statusText, headers);
  res.end(body);
}

/**
 * Serves a web handler (`(request: Request) => Promise<Response>`) with `node:http`: the request body reaches
 * the handler byte for byte (HASH checks need the exact bytes), and the `Response` is written back.
 *
 * @example
 * import { createServer } from "node:http";
 * import { toNodeHandler } from "@desk/sdk/node";
 *
 * createServer(toNodeHandler(async (request) => new Response(`hello ${new URL(request.url).pathname}`))).listen(4200);
 */
export function toNodeHandler(
  handler: (request: Request) => Promise<Response>,
  options: NodeHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async (req, res) => {
    try {
      const method = req.method ?? "GET";
      const body = method === "GET" || method === "HEAD" ? undefined : await readBody(req, limit);
      if (body === "too large") {
        res.writeHead(413, { "Content-Type": "application/json", Connection: "close" });
        res.end('{"ok":false,"error":"payload_too_large"}');
        return;
      }
      const request = new Request(urlOf(req), {
        method,
        headers: headersOf(req),
        ...(body !== undefined && { body }),
      });
      await send(res, await handler(request));
    } catch (error) {
      options.onError?.(error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(500, { "Content-Type": "application/json" });
      res.end('{"ok":false,"error":"internal_error"}');
    }
  };
}
