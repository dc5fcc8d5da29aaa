import type { TargetResponse } from "./target-response.js";

// Describe the transfer, not the content: fetch already decoded the body.
const DROPPED = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
]);

function canonicalName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

/**
 * The production shape of spec 1.2: `response` is a STRING wrapping `{statusMessage, status}` (the target's JSON
 * parsed, or its text), `status` "true" for 2xx, `responseHeaders` an object.
 */
export function productionResponse(target: TargetResponse): {
  statusCode: number;
  response: string;
  responseHeaders: Record<string, string>;
} {
  const text = new TextDecoder().decode(target.body);
  let statusMessage: unknown = text;
  if (text.trim() !== "") {
    try {
      statusMessage = JSON.parse(text);
    } catch {
      // Not JSON: the text as it is.
    }
  }
  const responseHeaders: Record<string, string> = {};
  target.headers.forEach((value, name) => {
    if (!DROPPED.has(name)) responseHeaders[canonicalName(name)] = value;
  });
  const ok = target.status >= 200 && target.status < 300;
  return {
    statusCode: target.status,
    response: JSON.stringify({ statusMessage, status: ok ? "true" : "false" }),
    responseHeaders,
  };
}
