import { isZetUrl } from "../zet-url.js";
import { checkConfig } from "./check-config.js";
import { checkConnectors } from "./check-connectors.js";
import { checkCspDomains } from "./check-csp-domains.js";
import { checkDeskOauth, checkTpaOauth } from "./check-oauth.js";
import { checkWidgets } from "./check-widgets.js";
import { type FileExists, Findings, isObjectLike, text } from "./finding.js";
import { ZET } from "./zet-messages.js";

const REQUIRED_KEYS = [
  "locale",
  "storage",
  "service",
  "modules",
  "connectors",
  "config",
  "whiteListedDomains",
];
const LOCALES = [
  ...[
    "en",
    "ja",
    "zh",
    "tw",
    "es",
    "de",
    "fr",
    "tr",
    "ru",
    "pt",
    "it",
    "nl",
    "da",
    "pl",
    "sv",
    "id",
    "hi",
    "ro",
  ],
  ...["ta", "te", "he", "ar"],
];
const LOCALE_GUIDE = "https://www.zoho.com/desk/extensions/guide/#plugin-manifest";
// The callbackListener keys Zoho checks for a URL.
const CALLBACK_KEYS = [
  "onDeskAuthorise",
  "onTPAAuthorise",
  "onTPARevoke",
  "onUpdate",
  "onConfigParamChange",
  "onUninstall",
];

/**
 * Zoho's DESK rules for plugin-manifest.json, in zet's order and words. Like zet, a manifest missing one of the
 * required keys gets only those findings (`complete: false`): zet checks nothing else then.
 */
export function checkManifest(
  manifest: Record<string, unknown>,
  exists: FileExists,
  file = "plugin-manifest.json",
): { findings: Findings; complete: boolean } {
  const out = new Findings(file);
  for (const key of REQUIRED_KEYS)
    if (!Object.hasOwn(manifest, key)) out.rule(key, `"${key}"${ZET.keymissing}`);
  if (out.list.length > 0) return { findings: out, complete: false };

  checkLocale(manifest["locale"], out, exists);
  if (typeof manifest["storage"] !== "boolean") out.rule("storage", ZET.invalidstorage);
  const type = manifest["type"];
  if (type !== undefined && type !== "personal" && type !== "org") out.rule("type", ZET.invalidtype);
  checkModules(manifest["modules"], out, exists);

  const domains = manifest["whiteListedDomains"];
  if (domains) {
    if (!Array.isArray(domains)) out.rule("whiteListedDomains", ZET.invalidwhitelisteddomaintype);
    else if (!domains.every(isZetUrl)) out.rule("whiteListedDomains", ZET.invalidwhitelisteddomain);
  }
  const connectors = manifest["connectors"];
  if (connectors !== undefined) {
    if (Array.isArray(connectors)) checkConnectors(connectors, out);
    else out.rule("connectors", ZET.invalidconnectortype);
  }
  const deskOauth = manifest["deskOauth"];
  if (deskOauth !== undefined) {
    if (isObjectLike(deskOauth)) checkDeskOauth(deskOauth, out);
    else out.rule("deskOauth", ZET.docInvalidtype);
  }
  const tpaOauth = manifest["TPAOauth"];
  if (tpaOauth !== undefined) {
    if (Array.isArray(tpaOauth)) checkTpaOauth(tpaOauth, out);
    else out.rule("TPAOauth", ZET.tpoInvalidtype);
  }
  checkCallbackListener(manifest, out);
  checkZohoAuthorisation(manifest["zohoAuthorisation"], out);
  const config = manifest["config"];
  if (config !== undefined) {
    if (!Array.isArray(config)) out.rule("config", ZET.invalidconfigtype);
    else if (config.length > 20) out.rule("config", ZET.configlimitexceeded);
    else checkConfig(config, out);
  }
  if (manifest["cspDomains"]) checkCspDomains(manifest["cspDomains"], out);
  return { findings: out, complete: true };
}

function checkLocale(locale: unknown, out: Findings, exists: FileExists): void {
  if (!locale) return;
  if (!Array.isArray(locale)) {
    out.rule("locale", ZET.localeInvalidtype);
    return;
  }
  const invalid: string[] = [];
  for (const [index, code] of locale.entries()) {
    if (!LOCALES.includes(code as string)) {
      invalid.push(`'${text(code)}'`);
      continue;
    }
    const file = `app/translations/${text(code)}.json`;
    if (!exists(file)) out.file(`locale[${index}]`, ZET.localenotfound + file);
  }
  if (invalid.length === 1) {
    out.rule(
      "locale",
      `Invalid locale code ${invalid[0]} found in locale array. To know the valid codes visit '${LOCALE_GUIDE}'.`,
    );
  } else if (invalid.length > 1) {
    out.rule(
      "locale",
      `Invalid locale codes ${invalid.join(",")} found in locale array. To know the valid codes visit '${LOCALE_GUIDE}'.`,
    );
  }
  if (!locale.includes("en"))
    out.rule("locale", "Default locale code 'en' must be available in locale array.");
}

function checkModules(modules: unknown, out: Findings, exists: FileExists): void {
  if (modules === undefined) return;
  if (!isObjectLike(modules)) out.rule("modules", ZET.invalidmodules);
  else if (modules["widgets"] === undefined) out.rule("modules.widgets", ZET.widgetkeymissing);
  else if (!Array.isArray(modules["widgets"])) out.rule("modules.widgets", ZET.invalidwidgettype);
  else if (modules["widgets"].length === 0) out.rule("modules.widgets", ZET.widgetisempty);
  else checkWidgets(modules["widgets"], out, exists);
}

function checkCallbackListener(manifest: Record<string, unknown>, out: Findings): void {
  const listener = manifest["callbackListener"];
  if (listener === undefined) return;
  if (!isObjectLike(listener)) {
    out.rule("callbackListener", ZET.callbacklistenerInvalidtype);
    return;
  }
  for (const key of CALLBACK_KEYS) {
    if (listener[key] !== undefined && !isZetUrl(listener[key])) {
      out.rule(`callbackListener.${key}`, ZET.invalidCallbackUrl + key);
    }
  }
  if (manifest["secret"] === undefined) out.rule("secret", ZET.secretkeymissing);
  else if (typeof manifest["secret"] !== "string") out.rule("secret", ZET.secretkeyinvalid);
}

function checkZohoAuthorisation(authorisation: unknown, out: Findings): void {
  if (authorisation === undefined) return;
  if (!isObjectLike(authorisation)) {
    out.rule("zohoAuthorisation", ZET.invalidauthorizationtype);
    return;
  }
  if (Object.keys(authorisation).length === 0) return;
  if (authorisation["type"] === undefined) out.rule("zohoAuthorisation.type", ZET.missingauthorizationtype);
  const service = authorisation["serviceName"];
  if (service !== undefined && service !== "zlabs_integration") {
    out.rule("zohoAuthorisation.serviceName", ZET.authorizationinvalidserviceName);
  }
}
