import { unprocessable } from "../errors/emulator-request-error.js";

/** Parses the substituted requestURL (http/https, no credentials) and appends the queryParams entries. */
export function buildTargetUrl(requestURL: string, query: readonly [string, string][]): URL {
  let url: URL;
  try {
    url = new URL(requestURL);
  } catch {
    throw unprocessable("requestURL", "requestURL must be an absolute URL (after placeholder substitution)");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw unprocessable("requestURL", `requestURL must use http or https, not ${url.protocol.slice(0, -1)}`);
  }
  if (url.username !== "" || url.password !== "") {
    throw unprocessable("requestURL", "requestURL must not carry credentials (user:password@)");
  }
  if (query.length > 0) {
    // Appended as text so the query already in requestURL keeps its exact encoding.
    const extra = new URLSearchParams(query as [string, string][]).toString();
    url.search = url.search.length > 1 ? `${url.search}&${extra}` : `?${extra}`;
  }
  return url;
}
