import { isZetUrl, ZET_NAME_PATTERN } from "../zet-url.js";
import { type Findings, isObjectLike } from "./finding.js";
import { ZET } from "./zet-messages.js";

/** Zoho's rules for `deskOauth` (an object). */
export function checkDeskOauth(config: Record<string, unknown>, out: Findings): void {
  const { clientId, name, clientSecret, scopes, params } = config;
  if (!clientId) out.rule("deskOauth.clientId", ZET.docClientidMissing);
  else if (typeof clientId !== "string") out.rule("deskOauth.clientId", ZET.docClientidInvalidtype);
  if (!name) out.rule("deskOauth.name", ZET.docNameMissing);
  else if (typeof name !== "string") out.rule("deskOauth.name", ZET.docNameInvalidtype);
  if (!clientSecret) out.rule("deskOauth.clientSecret", ZET.docClientsecretMissing);
  else if (typeof clientSecret !== "string")
    out.rule("deskOauth.clientSecret", ZET.docClientsecretInvalidtype);
  if (scopes && !Array.isArray(scopes)) out.rule("deskOauth.scopes", ZET.docScopesInvalidtype);
  if (params && typeof params !== "object") out.rule("deskOauth.params", ZET.docParamsInvalidtype);
}

/** Zoho's rules for `TPAOauth[]` (third-party OAuth configurations). */
export function checkTpaOauth(configs: readonly unknown[], out: Findings): void {
  const names: string[] = [];
  for (const [index, config] of configs.entries()) {
    const at = `TPAOauth[${index}]`;
    if (!isObjectLike(config)) {
      out.rule(at, ZET.tpoConfigInvalidtype);
      continue;
    }
    if (Object.keys(config).length === 0) {
      out.rule(at, ZET.tpoConfigEmpty);
      continue;
    }
    const { name, clientId, clientSecret, authoriseUrl, tokenUrl, revokeUrl, params } = config;
    if (name === undefined) out.rule(`${at}.name`, ZET.tpoNameMissing);
    else if (typeof name !== "string" || name === "") out.rule(`${at}.name`, ZET.tpoNameEmpty);
    else if (!ZET_NAME_PATTERN.test(name)) out.rule(`${at}.name`, ZET.tpoNameInvalidtype);
    else if (names.includes(name.trim())) out.rule(`${at}.name`, ZET.tpoNameAlreadyexists);
    else names.push(name.trim());
    if (clientId === undefined) out.rule(`${at}.clientId`, ZET.tpoClientidMissing);
    else if (clientId === "") out.rule(`${at}.clientId`, ZET.tpoClientidInvalidtype);
    if (clientSecret === undefined) out.rule(`${at}.clientSecret`, ZET.tpoClientsecretMissing);
    else if (clientSecret === "") out.rule(`${at}.clientSecret`, ZET.tpoClientsecretInvalidtype);
    if (authoriseUrl === undefined) out.rule(`${at}.authoriseUrl`, ZET.tpoAuthoriseurlMissing);
    else if (authoriseUrl === "" || !isZetUrl(authoriseUrl)) {
      out.rule(`${at}.authoriseUrl`, ZET.tpoAuthoriseurlInvalidurl);
    }
    if (tokenUrl === undefined) out.rule(`${at}.tokenUrl`, ZET.tpoTokenurlMissing);
    else if (tokenUrl === "" || !isZetUrl(tokenUrl)) out.rule(`${at}.tokenUrl`, ZET.tpoTokenurlInvalidurl);
    if (revokeUrl !== undefined && !isZetUrl(revokeUrl))
      out.rule(`${at}.revokeUrl`, ZET.tpoRevokeurlInvalidurl);
    if (params !== undefined && typeof params !== "object")
      out.rule(`${at}.params`, ZET.tpoParamsInvalidtype);
  }
}
