// The emulator dashboard: a plain ES module, served as is by the emulator (no build step, no framework).
// It reads /_emulator/dashboard/* (JSON) and /_emulator/dashboard/events (server-sent events, read with fetch) and
// writes through the admin API with JSON bodies. Every value is put into the page as text, never as HTML.

const API = "/_emulator/dashboard";
const ADMIN = "/_emulator";

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

/** Builds an element: h("td", { class: "mono" }, "text", child). Attributes starting with "on" are listeners. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

// With an admin token (shared machines), the page asks for it once per tab and sends it with every request.
const TOKEN_KEY = "desk-emulator-admin-token";

/** Thrown when the emulator wants the admin token. */
class TokenNeeded extends Error {}

function authHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function request(method, path, body) {
  const init = { method, headers: { Accept: "application/json", ...authHeaders() } };
  if (method !== "GET") {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body ?? {});
  }
  const response = await fetch(path, init);
  const text = await response.text();
  const json = text === "" ? {} : JSON.parse(text);
  if (response.status === 401 && json.errorCode === "UNAUTHORIZED") throw new TokenNeeded(json.message);
  if (!response.ok) {
    const field = json.fieldName ? ` (${json.fieldName})` : "";
    throw new Error(`${json.message ?? `HTTP ${response.status}`}${field}`);
  }
  return json;
}

const get = (path) => request("GET", path);

/** "2025-02-03 04:05:06" from an ISO time, in UTC (the emulator's clock may be injected, so no "ago"). */
function formatTime(iso) {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : "";
}

function time(iso, clockOnly = false) {
  return h("time", { datetime: iso, title: iso }, clockOnly ? iso.slice(11, 19) : formatTime(iso));
}

/** A URL with its origin dimmed, so the path reads first; its text stays the URL exactly as signed. */
function urlText(url) {
  const match = /^([a-z]+:\/\/[^/]*)(.*)$/i.exec(url);
  return match ? [h("span", { class: "origin" }, match[1]), match[2]] : url;
}

/** JSON text pretty-printed; anything else as it is. */
function pretty(text) {
  if (typeof text !== "string") return JSON.stringify(text, null, 2);
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function code(text, label) {
  return h("pre", { class: "code", tabindex: 0, "aria-label": label }, h("code", {}, text));
}

function badge(text, tone) {
  return h("span", { class: `badge ${tone}` }, text);
}

function statusTone(status) {
  if (status === null || status === undefined) return "bad";
  if (status < 300) return "ok";
  if (status < 500) return "warn";
  return "bad";
}

function toast(message, tone = "ok") {
  const box = document.getElementById("toast");
  box.className = `toast show ${tone}`;
  box.textContent = message;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => {
    box.className = "toast";
  }, 5000);
}

function empty(text, ...more) {
  return h("div", { class: "empty" }, h("p", {}, text), ...more);
}

/**
 * Replaces an element's children (nested arrays flattened, null/undefined/false left out). Keyboard focus inside it
 * moves to the new element of the same id, so a live redraw never throws the user out of what they were using.
 */
function fill(element, ...children) {
  const focused = element.contains(document.activeElement) ? document.activeElement.id : "";
  element.replaceChildren(
    ...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false),
  );
  if (focused) document.getElementById(focused)?.focus();
}

function panelBody(id) {
  return document.querySelector(`#${id} .panel-body`);
}

/**
 * A section's two parts: `controls` (forms, built once and kept, so a live redraw never loses what is being typed)
 * and `results` (redrawn each time).
 */
function panelParts(id) {
  const body = panelBody(id);
  if (!body.querySelector(":scope > .controls"))
    fill(body, h("div", { class: "controls" }), h("div", { class: "results" }));
  return {
    controls: body.querySelector(":scope > .controls"),
    results: body.querySelector(":scope > .results"),
  };
}

/** Keeps a select's installation options in step with the installations, its choice kept when it still exists. */
function syncInstallations(select, selected, allLabel) {
  const wanted = [allLabel ? "" : null, ...state.installations.map((item) => item.installationId)].filter(
    (value) => value !== null,
  );
  const present = [...select.options].map((option) => option.value);
  if (wanted.join() !== present.join()) {
    const fresh = installationSelect(select.id, selected, allLabel);
    select.replaceChildren(...fresh.options);
  }
  select.value = selected;
}

function shortId(id) {
  return id ? `…${id.slice(-6)}` : "—";
}

function installationLabel(id) {
  const installation = state.installations.find((item) => item.installationId === id);
  return installation ? `org ${installation.orgId}` : id ? `${shortId(id)} (removed)` : "—";
}

function installationSelect(id, selected, allLabel) {
  const options = state.installations.map((item) =>
    h(
      "option",
      { value: item.installationId, selected: item.installationId === selected },
      `org ${item.orgId} · ${item.installationId}`,
    ),
  );
  return h(
    "select",
    { id, name: "installationId" },
    allLabel ? h("option", { value: "", selected: !selected }, allLabel) : null,
    options,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// State and navigation

const state = {
  extension: null,
  installations: [],
  invocations: [],
  hasMoreInvocations: false,
  selectedInvocation: null,
  storage: { installationId: "", prefix: "", queriableValue: "", cursors: [], page: null },
  logsInstallation: "",
};

const renderers = {
  invocations: renderInvocations,
  installations: renderInstallations,
  storage: renderStorage,
  logs: renderLogs,
  callbacks: renderCallbacks,
};

function route() {
  const [section, detail] = (location.hash.slice(1) || "invocations").split("/");
  return { section: renderers[section] ? section : "invocations", detail };
}

async function show() {
  const { section, detail } = route();
  for (const panel of document.querySelectorAll(".panel")) panel.hidden = panel.id !== section;
  for (const link of document.querySelectorAll("nav.side a")) {
    if (link.dataset.section === section) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (section === "invocations") state.selectedInvocation = detail ? Number(detail) : null;
  await refresh(section);
}

let redraws = 0;

async function refresh(section = route().section) {
  try {
    state.installations = (await get(`${API}/installations`)).data;
    await renderers[section]();
    // Counts redraws (read by the browser test to know a live redraw happened).
    document.body.dataset.redraws = String(++redraws);
  } catch (error) {
    toast(error.message, "bad");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Invocations

function outcomeOf(item) {
  if (item.errorCode) return badge(`${item.status} ${item.errorCode}`, "bad");
  return badge(`${item.targetStatus}`, statusTone(item.targetStatus));
}

function invocationRow(item) {
  const selected = state.selectedInvocation === item.id;
  return h(
    "tr",
    { class: selected ? "selected" : null, "data-id": item.id },
    h("td", { class: "nowrap" }, time(item.at, true)),
    h("td", { class: "nowrap wide-only" }, installationLabel(item.installationId)),
    h("td", { class: "mono" }, item.method ?? "—"),
    h(
      "td",
      { class: "url" },
      h(
        "a",
        {
          href: `#invocations/${item.id}`,
          class: "mono",
          "aria-current": selected ? "true" : null,
          title: item.requestURL ?? "",
        },
        // Cut from the left when too long: the end of a URL (the resource) tells calls apart.
        h("bdi", {}, item.requestURL ? urlText(item.requestURL) : "(no requestURL)"),
      ),
    ),
    h("td", { class: "nowrap" }, outcomeOf(item)),
    h("td", { class: "num wide-only" }, `${item.durationMs} ms`),
  );
}

async function renderInvocations() {
  const list = await get(`${API}/invocations?limit=100`);
  state.invocations = list.data;
  state.hasMoreInvocations = list.hasMore;
  const body = panelBody("invocations");
  const detail = state.selectedInvocation ? await invocationDetail(state.selectedInvocation) : null;
  fill(body, h("div", { class: detail ? "split" : "" }, h("div", {}, invocationTable()), detail));
}

function invocationTable() {
  if (state.invocations.length === 0) {
    return empty(
      "No invoke calls yet.",
      h(
        "p",
        { class: "hint" },
        "Point your extension's invoke client at ",
        h("code", {}, `${location.origin}/api/v1/invoke?orgId=…`),
        "; each call appears here as it happens.",
      ),
    );
  }
  const table = h(
    "table",
    { class: "grid", id: "invocations-table" },
    h("caption", { class: "sr-only" }, "Invoke calls, newest first"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        [
          ["Time (UTC)", "col-time"],
          ["Installation", "col-installation wide-only"],
          ["Method", "col-method"],
          ["Target URL as signed", "col-url"],
          ["Outcome", "col-outcome"],
          ["Duration", "col-duration wide-only"],
        ].map(([label, className]) => h("th", { scope: "col", class: className }, label)),
      ),
    ),
    h("tbody", {}, state.invocations.map(invocationRow)),
  );
  const more = state.hasMoreInvocations
    ? h("button", { type: "button", class: "secondary", onclick: loadOlderInvocations }, "Load older calls")
    : null;
  return h("div", {}, table, more);
}

async function loadOlderInvocations() {
  const oldest = state.invocations.at(-1);
  const list = await get(`${API}/invocations?limit=100&before=${oldest.id}`);
  state.invocations.push(...list.data);
  state.hasMoreInvocations = list.hasMore;
  const tbody = document.querySelector("#invocations-table tbody");
  tbody.append(...list.data.map(invocationRow));
  if (!list.hasMore) document.querySelector("#invocations .panel-body button.secondary")?.remove();
}

function onLiveInvocation(item) {
  state.invocations.unshift(item);
  if (route().section !== "invocations") return;
  const tbody = document.querySelector("#invocations-table tbody");
  if (!tbody) {
    renderInvocations().catch((error) => toast(error.message, "bad"));
    return;
  }
  const row = invocationRow(item);
  row.classList.add("fresh");
  tbody.prepend(row);
}

async function invocationDetail(id) {
  let item;
  try {
    item = (await get(`${API}/invocations/${id}`)).data;
  } catch (error) {
    return h("aside", { class: "detail", "aria-label": `Invocation ${id}` }, empty(error.message));
  }
  const { request: sent, response } = item;
  const part = (name) =>
    sent[name] === undefined
      ? null
      : h("div", {}, h("h4", {}, name), code(pretty(sent[name]), `${name} as sent`));
  const answer = response.body ?? {};
  let received;
  if (typeof answer.statusCode === "number") {
    let wrapped = answer.response;
    try {
      wrapped = JSON.parse(answer.response);
    } catch {
      // shown as text
    }
    received = [
      h(
        "dl",
        { class: "facts" },
        h("dt", {}, "Invoke answer"),
        h("dd", {}, badge(String(response.status), statusTone(response.status))),
        h("dt", {}, "Target status"),
        h("dd", {}, badge(String(answer.statusCode), statusTone(answer.statusCode))),
      ),
      h("h4", {}, "responseHeaders"),
      code(pretty(answer.responseHeaders ?? {}), "responseHeaders"),
      h("h4", {}, "response"),
      code(pretty(wrapped), "response body"),
    ];
  } else {
    received = [
      h(
        "dl",
        { class: "facts" },
        h("dt", {}, "Invoke answer"),
        h("dd", {}, badge(`${response.status} ${item.errorCode ?? ""}`, "bad")),
      ),
      code(pretty(answer), "error body"),
    ];
  }
  return h(
    "aside",
    { class: "detail", "aria-labelledby": "invocation-detail-heading" },
    h(
      "div",
      { class: "detail-head" },
      h("h3", { id: "invocation-detail-heading" }, `Invocation #${item.id}`),
      h("a", { href: "#invocations", class: "close", "aria-label": "Close the detail" }, "×"),
    ),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Time"),
      h("dd", {}, time(item.at), " UTC"),
      h("dt", {}, "Installation"),
      h("dd", { class: "mono" }, item.installationId ?? "— (not authenticated)"),
      h("dt", {}, "Duration"),
      h("dd", {}, `${item.durationMs} ms`),
    ),
    h("h3", {}, "Request, as the extension sent it"),
    h(
      "p",
      { class: "hint" },
      "Placeholders are shown unsubstituted. The HASH header and the securityContext are checked, never shown.",
    ),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "requestType"),
      h("dd", { class: "mono" }, sent.requestType ?? "—"),
      h("dt", {}, "requestURL"),
      h("dd", { class: "mono break" }, sent.requestURL ?? "—"),
      sent.connectionLinkName
        ? [h("dt", {}, "connectionLinkName"), h("dd", { class: "mono" }, sent.connectionLinkName)]
        : null,
    ),
    part("queryParams"),
    part("headers"),
    part("postBody"),
    h("h3", {}, "Response, as the extension received it"),
    received,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Installations

async function renderInstallations() {
  const { controls, results } = panelParts("installations");
  if (!controls.firstChild) fill(controls, installForm());
  const cards = state.installations.map(installationCard);
  fill(
    results,
    ...(cards.length === 0
      ? [empty("The extension is not installed in any org yet. Install it above.")]
      : cards),
  );
}

function installForm() {
  const { config, permissions } = state.extension;
  const fields = config.map((param) => {
    const id = `install-config-${param.name}`;
    return h(
      "div",
      { class: "field" },
      h(
        "label",
        { for: id },
        param.displayName,
        param.mandatory ? h("span", { class: "required", "aria-hidden": "true" }, " *") : null,
        param.secure ? badge("secure", "neutral") : null,
      ),
      h("input", {
        id,
        name: param.name,
        type: param.secure ? "password" : "text",
        autocomplete: "off",
        required: param.mandatory,
        value: param.defaultValue,
        "data-config": param.name,
      }),
    );
  });
  const switches = permissions.map((permission) => {
    const id = `install-permission-${permission.apiName}`;
    return h(
      "div",
      { class: "check" },
      h("input", {
        id,
        type: "checkbox",
        checked: permission.defaultState,
        "data-permission": permission.apiName,
      }),
      h("label", { for: id }, permission.displayName),
    );
  });
  const form = h(
    "form",
    { class: "card install", "aria-labelledby": "install-heading", onsubmit: install },
    h("h3", { id: "install-heading" }, "Install the extension"),
    h(
      "div",
      { class: "fields" },
      h(
        "div",
        { class: "field" },
        h("label", { for: "install-org" }, "Org id ", h("span", { class: "hint" }, "(empty: a new org)")),
        h("input", { id: "install-org", name: "orgId", autocomplete: "off", pattern: "[A-Za-z0-9_-]{1,40}" }),
      ),
      fields,
    ),
    switches.length ? h("fieldset", {}, h("legend", {}, "Permissions at install"), switches) : null,
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Install")),
  );
  return form;
}

async function install(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const config = {};
  for (const input of form.querySelectorAll("[data-config]")) {
    if (input.value !== "") config[input.dataset.config] = input.value;
  }
  const permissions = {};
  for (const input of form.querySelectorAll("[data-permission]"))
    permissions[input.dataset.permission] = input.checked;
  const orgId = form.querySelector("#install-org").value.trim();
  try {
    const { data } = await request("POST", `${API}/installations`, { orgId, config, permissions });
    // Secure values typed here leave the page with the form.
    form.reset();
    const failed = data.callbacks.filter((callback) => !callback.ok);
    toast(
      `Installed in org ${data.orgId}${failed.length ? `; ${failed[0].event} callback failed` : ""}`,
      failed.length ? "warn" : "ok",
    );
    await refresh("installations");
  } catch (error) {
    toast(error.message, "bad");
  }
}

function installationCard(installation) {
  const id = installation.installationId;
  const config = installation.config.length
    ? h(
        "table",
        { class: "grid compact" },
        h("caption", {}, "Config params"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Value"))),
        h(
          "tbody",
          {},
          installation.config.map((param) =>
            h(
              "tr",
              {},
              h(
                "th",
                { scope: "row", class: "mono" },
                param.name,
                param.secure ? badge("secure", "neutral") : null,
              ),
              h(
                "td",
                { class: "mono" },
                param.value === "" ? h("span", { class: "muted" }, "(empty)") : param.value,
              ),
            ),
          ),
        ),
      )
    : h("p", { class: "muted" }, "No config params.");
  const permissions = installation.permissions.length
    ? h(
        "fieldset",
        { class: "permissions" },
        h("legend", {}, "Permissions"),
        installation.permissions.map((permission) => {
          const inputId = `permission-${id}-${permission.apiName}`;
          return h(
            "div",
            { class: "switch" },
            h("input", {
              id: inputId,
              type: "checkbox",
              role: "switch",
              checked: permission.isEnabled,
              "aria-describedby": permission.description ? `${inputId}-description` : null,
              onchange: (event) => togglePermission(id, permission.apiName, event.currentTarget),
            }),
            h("label", { for: inputId }, permission.displayName, " ", h("code", {}, permission.apiName)),
            permission.description
              ? h("p", { id: `${inputId}-description`, class: "hint" }, permission.description)
              : null,
          );
        }),
      )
    : null;
  return h(
    "article",
    { class: "card", "aria-labelledby": `installation-${id}-heading` },
    h(
      "div",
      { class: "card-head" },
      h("h3", { id: `installation-${id}-heading` }, `Org ${installation.orgId}`),
      h(
        "button",
        {
          type: "button",
          class: "danger",
          "aria-label": `Uninstall from org ${installation.orgId}`,
          onclick: () => uninstall(installation),
        },
        "Uninstall",
      ),
    ),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Installation id"),
      h("dd", { class: "mono" }, id),
      h("dt", {}, "Installed"),
      h("dd", {}, time(installation.installedAt), " UTC"),
    ),
    h("div", { class: "columns" }, config, permissions),
  );
}

async function togglePermission(installationId, apiName, input) {
  const enabled = input.checked;
  input.disabled = true;
  try {
    await request("PUT", `${ADMIN}/installations/${installationId}/permissions`, {
      states: { [apiName]: enabled },
    });
    toast(`${apiName} ${enabled ? "enabled" : "disabled"}`);
  } catch (error) {
    input.checked = !enabled;
    toast(error.message, "bad");
  } finally {
    input.disabled = false;
  }
}

async function uninstall(installation) {
  if (
    !confirm(
      `Uninstall the extension from org ${installation.orgId}? Its storage, config and logs are deleted.`,
    )
  ) {
    return;
  }
  try {
    await request("DELETE", `${ADMIN}/installations/${installation.installationId}`);
    toast(`Uninstalled from org ${installation.orgId}`);
    await refresh("installations");
  } catch (error) {
    toast(error.message, "bad");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Storage

async function renderStorage() {
  const { controls, results: body } = panelParts("storage");
  const storage = state.storage;
  if (!state.installations.some((item) => item.installationId === storage.installationId)) {
    storage.installationId = state.installations[0]?.installationId ?? "";
    storage.cursors = [];
  }
  controls.hidden = !state.extension.storage || storage.installationId === "";
  if (!state.extension.storage) {
    fill(body, empty("This extension does not use storage (the manifest's storage is not true)."));
    return;
  }
  if (storage.installationId === "") {
    fill(body, empty("No installation yet: install the extension to browse its storage."));
    return;
  }
  const query = new URLSearchParams({ installationId: storage.installationId });
  if (storage.prefix) query.set("prefix", storage.prefix);
  if (storage.queriableValue) query.set("queriableValue", storage.queriableValue);
  const after = storage.cursors.at(-1);
  if (after) query.set("after", after);
  let page;
  try {
    page = await get(`${API}/storage?${query}`);
  } catch (error) {
    page = { data: [], next: null, total: 0, error: error.message };
  }
  storage.page = page;
  if (!controls.firstChild) fill(controls, storageForm());
  syncInstallations(controls.querySelector("select"), storage.installationId);
  const first = storage.cursors.length * page.pageSize + 1;
  const last = first + page.data.length - 1;
  const total = `${page.total.toLocaleString("en-US")}${page.totalIsCapped ? "+" : ""}`;
  const summary = page.data.length ? `Keys ${first}–${last} of ${total}` : "No keys match.";
  const pager = h(
    "div",
    { class: "pager" },
    h("p", { id: "storage-summary", "aria-live": "polite" }, page.error ?? summary),
    h(
      "div",
      {},
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          disabled: storage.cursors.length === 0,
          onclick: () => pageStorage(-1),
        },
        "Previous",
      ),
      h(
        "button",
        { type: "button", class: "secondary", disabled: !page.next, onclick: () => pageStorage(1) },
        "Next",
      ),
    ),
  );
  const table = page.data.length
    ? h(
        "table",
        { class: "grid", id: "storage-table" },
        h("caption", { class: "sr-only" }, "Stored objects, by key"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["Key", "queriableValue", "Value"].map((label) => h("th", { scope: "col" }, label)),
          ),
        ),
        h(
          "tbody",
          {},
          page.data.map((row) =>
            h(
              "tr",
              {},
              h("td", { class: "mono" }, row.key),
              h("td", { class: "mono" }, row.queriableValue),
              h("td", {}, code(JSON.stringify(row.value, null, 2), `value of ${row.key}`)),
            ),
          ),
        ),
      )
    : null;
  fill(body, pager, table);
}

function storageForm() {
  const storage = state.storage;
  return h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filter storage", onsubmit: filterStorage },
    h(
      "div",
      { class: "field" },
      h("label", { for: "storage-installation" }, "Installation"),
      installationSelect("storage-installation", storage.installationId),
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "storage-prefix" }, "Key prefix"),
      h("input", {
        id: "storage-prefix",
        name: "prefix",
        value: storage.prefix,
        autocomplete: "off",
        spellcheck: "false",
      }),
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "storage-queriable" }, "queriableValue"),
      h("input", {
        id: "storage-queriable",
        name: "queriableValue",
        value: storage.queriableValue,
        autocomplete: "off",
        spellcheck: "false",
      }),
    ),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Filter")),
  );
}

function filterStorage(event) {
  event.preventDefault();
  const form = event.currentTarget;
  Object.assign(state.storage, {
    installationId: form.elements.installationId.value,
    prefix: form.elements.prefix.value.trim(),
    queriableValue: form.elements.queriableValue.value.trim(),
    cursors: [],
  });
  refresh("storage");
}

function pageStorage(direction) {
  const storage = state.storage;
  if (direction > 0 && storage.page?.next) storage.cursors.push(storage.page.next);
  if (direction < 0) storage.cursors.pop();
  refresh("storage");
}

// ---------------------------------------------------------------------------------------------------------------
// Logs

function logsFilter() {
  const filter = h(
    "form",
    { class: "filters", "aria-label": "Filter logs", onsubmit: (event) => event.preventDefault() },
    h(
      "div",
      { class: "field" },
      h("label", { for: "logs-installation" }, "Installation"),
      installationSelect("logs-installation", state.logsInstallation, "All installations"),
    ),
  );
  filter.querySelector("select").addEventListener("change", (event) => {
    state.logsInstallation = event.currentTarget.value;
    refresh("logs");
  });
  return filter;
}

async function renderLogs() {
  const { controls, results: body } = panelParts("logs");
  const query = state.logsInstallation ? `?installationId=${encodeURIComponent(state.logsInstallation)}` : "";
  const logs = (await get(`${API}/logs${query}`)).data;
  if (!controls.firstChild) fill(controls, logsFilter());
  syncInstallations(controls.querySelector("select"), state.logsInstallation, "All installations");
  const entry = (log, level) =>
    h(
      "div",
      { class: `log ${level}` },
      h(
        "div",
        { class: "log-head" },
        h(level === "parent" ? "h3" : "h4", {}, log.title),
        h("span", { class: "muted" }, time(log.logTime), " UTC · expires ", time(log.expiresAt), " UTC"),
      ),
      log.description ? h("p", { class: "log-text" }, log.description) : null,
    );
  const groups = logs.map((parent) =>
    h(
      "article",
      { class: "card log-group", "aria-label": `Log ${parent.title}` },
      entry(parent, "parent"),
      h(
        "p",
        { class: "hint" },
        installationLabel(parent.installationId),
        parent.reference ? [" · reference ", h("code", {}, parent.reference)] : null,
        ` · ${parent.subLogs.length} sub log${parent.subLogs.length === 1 ? "" : "s"}`,
      ),
      parent.subLogs.length
        ? h(
            "ol",
            { class: "sublogs" },
            parent.subLogs.map((child) => h("li", {}, entry(child, "child"))),
          )
        : null,
    ),
  );
  fill(
    body,
    groups.length
      ? groups
      : empty("No logs. Logs the extension writes appear here until they expire (3 days)."),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Callbacks

async function renderCallbacks() {
  const body = panelBody("callbacks");
  const callbacks = (await get(`${API}/callbacks`)).data;
  if (callbacks.length === 0) {
    fill(body, empty("No platform event callbacks sent yet. Installing the extension sends onInstall."));
    return;
  }
  const status = (item) => {
    if (item.skipped) return badge("not listened", "neutral");
    if (item.status === null) return badge(item.error ?? "failed", "bad");
    return badge(String(item.status), statusTone(item.status));
  };
  const table = h(
    "table",
    { class: "grid", id: "callbacks-table" },
    h("caption", { class: "sr-only" }, "Platform event callbacks, newest first"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ["Time (UTC)", "Event", "Installation", "Listener URL", "Status", "Duration", ""].map((label) =>
          h("th", { scope: "col" }, label || h("span", { class: "sr-only" }, "Actions")),
        ),
      ),
    ),
    h(
      "tbody",
      {},
      callbacks.map((item) =>
        h(
          "tr",
          {},
          h("td", { class: "nowrap" }, time(item.sentAt)),
          h("td", { class: "mono" }, item.event),
          h("td", { class: "nowrap" }, installationLabel(item.installationId)),
          h("td", { class: "mono url" }, item.url ?? h("span", { class: "muted" }, "(none in the manifest)")),
          h("td", {}, status(item)),
          h("td", { class: "num" }, `${item.durationMs} ms`),
          h(
            "td",
            {},
            h(
              "button",
              {
                type: "button",
                class: "secondary small",
                "aria-label": `Send ${item.event} again`,
                onclick: (event) => resend(item, event.currentTarget),
              },
              "Send again",
            ),
          ),
        ),
      ),
    ),
  );
  fill(body, table);
}

async function resend(item, button) {
  button.disabled = true;
  try {
    const { data } = await request("POST", `${API}/callbacks/${item.seq}/resend`);
    const outcome = data.skipped ? "not listened" : (data.status ?? data.error);
    toast(`${data.event} sent again: ${outcome}`, data.ok ? "ok" : "warn");
    await refresh("callbacks");
  } catch (error) {
    button.disabled = false;
    toast(error.message, "bad");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Live updates

/** Reads the live stream (server-sent events) with fetch, so the admin token can go in a header. */
async function listen(onEvent) {
  const response = await fetch(`${API}/events`, {
    headers: { Accept: "text/event-stream", ...authHeaders() },
  });
  if (!response.ok || !response.body) throw new Error(`live stream: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end = buffer.indexOf("\n\n");
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(
        block
          .split("\n")
          .filter((line) => line !== "" && !line.startsWith(":"))
          .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trimStart()]),
      );
      if (fields.event) onEvent(fields.event, fields.data ?? "");
      end = buffer.indexOf("\n\n");
    }
  }
}

function connect() {
  const live = document.querySelector(".live");
  const text = live.querySelector(".live-text");
  let pending;
  const onEvent = (event, data) => {
    if (event === "ready") {
      live.dataset.state = "on";
      text.textContent = "Live";
    } else if (event === "invocation") {
      onLiveInvocation(JSON.parse(data));
    } else if (event === "changed") {
      // Data changed (an invoke call wrote storage, a CLI install...): redraw the open section, at most every 300 ms.
      clearTimeout(pending);
      pending = setTimeout(() => {
        const { section } = route();
        if (section !== "invocations") refresh(section);
      }, 300);
    }
  };
  const loop = async (delay) => {
    try {
      await listen(onEvent);
      delay = 500;
    } catch {
      delay = Math.min(delay * 2, 10_000);
    }
    live.dataset.state = "off";
    text.textContent = "Reconnecting…";
    setTimeout(() => loop(delay), delay);
  };
  loop(500);
}

/** The admin token form, shown instead of the sections when the emulator asks for the token. */
function askForToken(message) {
  for (const panel of document.querySelectorAll(".panel")) panel.hidden = true;
  const main = document.getElementById("main");
  const form = h(
    "form",
    { class: "card login", "aria-labelledby": "login-heading" },
    h("h2", { id: "login-heading" }, "Admin token"),
    h("p", {}, message),
    h(
      "div",
      { class: "field" },
      h("label", { for: "admin-token" }, "Token"),
      h("input", { id: "admin-token", type: "password", autocomplete: "off", required: true }),
    ),
    h("p", { class: "hint" }, "Kept in this tab only (sessionStorage), sent as Authorization: Bearer."),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Open the dashboard")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, form.querySelector("input").value);
    form.remove();
    start();
  });
  main.querySelector("form.login")?.remove();
  main.prepend(form);
  form.querySelector("input").focus();
}

async function start() {
  try {
    state.extension = (await get(`${API}/extension`)).data;
  } catch (error) {
    if (error instanceof TokenNeeded) {
      const wrong = sessionStorage.getItem(TOKEN_KEY) !== null;
      sessionStorage.removeItem(TOKEN_KEY);
      askForToken(wrong ? "That token is not the one this emulator was started with." : error.message);
    } else {
      toast(error.message, "bad");
    }
    return;
  }
  addEventListener("hashchange", show);
  connect();
  await show();
  document.body.dataset.ready = "true";
}

start();
