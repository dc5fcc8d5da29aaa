import { readFile } from "node:fs/promises";

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json; charset=utf-8",
  png: "image/png",
};
const SAFE_PATH = /^\/app\/(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*\/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*\.([a-z]+)$/;

/** The project's `app/` folder (the widget), beside `src/` and `dist/`. */
export const APP_FOLDER = new URL("../app/", import.meta.url);

/**
 * `GET /app/...`: the widget files, for local work (in Desk, Desk serves them from the uploaded zip). Only plain
 * names under app/ with a known extension; no `..`, no dot files.
 *
 * @example
 * const response = await serveAppFile("/app/widget.html");
 */
export async function serveAppFile(pathname: string): Promise<Response> {
  const match = SAFE_PATH.exec(pathname);
  const type = match ? TYPES[match[1] ?? ""] : undefined;
  if (!match || !type || pathname.includes("..")) return new Response("not found", { status: 404 });
  try {
    const body = await readFile(new URL(pathname.slice("/app/".length), APP_FOLDER));
    return new Response(body, { headers: { "Content-Type": type, "Cache-Control": "no-cache" } });
  } catch {
    return new Response("not found", { status: 404 });
  }
}
