import { ZET_NAME_PATTERN } from "../zet-url.js";
import { type Findings, isObjectLike, text } from "./finding.js";
import { ZET } from "./zet-messages.js";

/** Zoho's rules for `connectors[]`. A connector of a Zoho service belongs under zohoAuthorisation. */
export function checkConnectors(connectors: readonly unknown[], out: Findings): void {
  const names: string[] = [];
  const services: string[] = [];
  for (const [index, connector] of connectors.entries()) {
    const at = `connectors[${index}]`;
    if (!isObjectLike(connector)) {
      out.rule(at, ZET.invalidconnectorstype);
      continue;
    }
    if (Object.keys(connector).length === 0) {
      out.rule(at, ZET.connectorsEmptyobject);
      continue;
    }
    const { connectionName: name, serviceName: service, connectionLinkName: link, scope } = connector;
    if (name === undefined) {
      out.rule(`${at}.connectionName`, ZET.missingconnectorname);
      continue;
    }
    if (typeof name !== "string" || name.trim() === "") {
      out.rule(`${at}.connectionName`, ZET.invalidconnectorname);
      continue;
    }
    if (!ZET_NAME_PATTERN.test(name))
      out.rule(`${at}.connectionName`, `${ZET.invalidcharacters}'connectors' : ${name}`);
    else if (names.includes(name.trim()))
      out.rule(`${at}.connectionName`, `${ZET.duplicatename}'connectors' : ${name}`);
    names.push(name.trim());

    if (service === undefined) {
      out.rule(`${at}.serviceName`, ZET.missingconnectorservice + name);
    } else {
      if (typeof service !== "string" || service.trim() === "") {
        out.rule(`${at}.serviceName`, ZET.invalidconnectorservice + name);
      } else if (service === "zlabs_integration") {
        out.rule(`${at}.serviceName`, ZET.zlabsservicename + name);
      } else if (services.includes(service.trim())) {
        out.rule(`${at}.serviceName`, `${ZET.duplicateservicename}'connectors' : ${name}`);
      }
      services.push(text(service).trim());
    }

    if (link === undefined) out.rule(`${at}.connectionLinkName`, ZET.connectionLinkMissing);
    else if (typeof link !== "string") out.rule(`${at}.connectionLinkName`, ZET.connectionLinkInvalid);

    if (scope === undefined) continue;
    if (!Array.isArray(scope)) {
      out.rule(`${at}.scope`, ZET.invalidconnectorscope + name);
      continue;
    }
    for (const [position, entry] of scope.entries()) {
      if (typeof entry !== "string") {
        out.rule(`${at}.scope[${position}]`, ZET.invalidscopearraytype + name);
        break;
      }
      if (entry.trim() === "") out.rule(`${at}.scope[${position}]`, ZET.scopeisempty);
    }
  }
}
