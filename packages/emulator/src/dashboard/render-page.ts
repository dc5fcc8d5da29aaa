import { EMULATOR_VERSION } from "../constants.js";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** The sections of the page, in nav order: [id, heading]. */
export const DASHBOARD_SECTIONS = [
  ["invocations", "Invocations"],
  ["installations", "Installations"],
  ["storage", "Storage"],
  ["logs", "Logs"],
  ["callbacks", "Callbacks"],
] as const;

/**
 * The dashboard's HTML shell, rendered on the server: header, navigation and one landmark per section; the module
 * fills the sections from the dashboard API. Only the extension's name comes from outside, escaped.
 */
export function renderPage(extensionName: string): string {
  const name = escapeHtml(extensionName);
  const nav = DASHBOARD_SECTIONS.map(
    ([id, heading]) => `<li><a href="#${id}" data-section="${id}">${heading}</a></li>`,
  ).join("");
  const sections = DASHBOARD_SECTIONS.map(
    ([id, heading]) =>
      `<section id="${id}" class="panel" aria-labelledby="${id}-heading" hidden>` +
      `<h2 id="${id}-heading">${heading}</h2><div class="panel-body"></div></section>`,
  ).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} · Desk emulator</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_emulator/assets/dashboard.css">
<script type="module" src="/_emulator/assets/dashboard.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <div class="brand"><span class="logo" aria-hidden="true">◆</span> Desk emulator <span class="version">v${EMULATOR_VERSION}</span></div>
  <div class="extension">Extension <strong>${name}</strong></div>
  <div class="live" role="status" aria-live="polite"><span class="dot" aria-hidden="true"></span><span class="live-text">Connecting…</span></div>
</header>
<div class="layout">
<nav class="side" aria-label="Dashboard sections"><ul>${nav}</ul></nav>
<main id="main" tabindex="-1">
<noscript><p class="notice">The dashboard needs JavaScript. The JSON admin API is at <code>/_emulator/installations</code>.</p></noscript>
${sections}
</main>
</div>
<div id="toast" class="toast" role="status" aria-live="polite"></div>
</body>
</html>
`;
}
