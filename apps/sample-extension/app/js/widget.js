// The ticket right-panel widget of Escalation Desk. It calls the extension server's POST /escalate/:ticketId with
// the widget token (Authorization: Bearer), never an org id of its own: the server takes org and user from the token.
//
// Where its inputs come from:
//   token     the URL fragment, #token=... (never sent to a server in a request line or a Referer)
//   ticketId  ZOHODESK.get("ticket.id") inside Desk; ?ticketId=... when opened locally
//   server    this page's origin when the extension serves it, else <meta name="extension-server">

/**
 * Escalates one ticket. Resolves to what the widget shows: `{ kind, key?, status }`.
 * kind: "created" | "existing" | "forbidden" | "unauthorized" | "notInstalled" | "notFound" | "failed".
 *
 * @param {{ server: string, token: string, ticketId: string, fetch?: typeof fetch }} input
 */
export async function escalate({ server, token, ticketId, fetch: fetchImpl = fetch }) {
  const response = await fetchImpl(`${server}/escalate/${encodeURIComponent(ticketId)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = await response.json().catch(() => ({}));
  const { status } = response;
  if (status === 201) return { kind: "created", key: body.escalation.issueKey, status };
  if (status === 200) return { kind: "existing", key: body.escalation.issueKey, status };
  if (status === 401) return { kind: "unauthorized", status };
  if (status === 403) return { kind: "forbidden", status };
  if (status === 404) return { kind: body.error === "not_installed" ? "notInstalled" : "notFound", status };
  return { kind: "failed", status };
}

/**
 * The sentence for a result, from the translations (`{key}` and `{status}` filled in).
 *
 * @param {{ kind: string, key?: string, status?: number }} result
 * @param {Record<string, string>} strings
 */
export function describe(result, strings) {
  const template = strings[result.kind] ?? strings.failed ?? result.kind;
  return template.replace("{key}", result.key ?? "").replace("{status}", String(result.status ?? ""));
}

async function ticketIdOf(location) {
  const desk = globalThis.ZOHODESK;
  if (desk?.get) {
    const answer = await desk.get("ticket.id");
    return String(answer?.["ticket.id"] ?? "");
  }
  return new URLSearchParams(location.search).get("ticketId") ?? "";
}

function serverOf(document) {
  const { location } = document;
  if (location.pathname.startsWith("/app/") && location.protocol.startsWith("http")) return location.origin;
  return document.querySelector('meta[name="extension-server"]')?.content ?? "";
}

async function start(document) {
  const strings = await (await fetch(new URL("translations/en.json", document.baseURI))).json();
  for (const element of document.querySelectorAll("[data-text]")) {
    element.textContent = strings[element.dataset.text] ?? element.textContent;
  }
  const token = new URLSearchParams(document.location.hash.slice(1)).get("token") ?? "";
  const button = document.getElementById("escalate");
  const shown = document.getElementById("result");
  const show = (text, isError) => {
    shown.textContent = text;
    shown.className = isError ? "error" : "";
  };
  button.addEventListener("click", async () => {
    const ticketId = await ticketIdOf(document.location);
    if (!ticketId) return show(strings.noTicket, true);
    button.disabled = true;
    show(strings.working, false);
    try {
      const result = await escalate({ server: serverOf(document), token, ticketId });
      show(describe(result, strings), result.kind !== "created" && result.kind !== "existing");
    } catch {
      show(describe({ kind: "failed", status: 0 }, strings), true);
    } finally {
      button.disabled = false;
    }
  });
  button.disabled = false; // ready: the button stays disabled until a click can do something
}

if (typeof document !== "undefined") {
  // Inside Desk, its client SDK (loaded by widget.html) says when the widget may talk to Desk.
  const desk = globalThis.ZOHODESK;
  if (desk?.extension?.onload) desk.extension.onload().then(() => start(document));
  else start(document);
}
