import { ZET_NAME_PATTERN } from "../zet-url.js";
import { type Findings, isObjectLike, text } from "./finding.js";
import { ZET } from "./zet-messages.js";

const CONFIG_TYPES = ["text", "number", "radio", "switch", "picklist", "multiselect", "checkbox"];

/** Zoho's rules for `config[]` (at most 20 is checked by the caller). */
export function checkConfig(params: readonly unknown[], out: Findings): void {
  const names: string[] = [];
  for (const [index, param] of params.entries()) {
    const at = `config[${index}]`;
    if (!isObjectLike(param)) {
      out.rule(at, ZET.invalidconfigtype);
      continue;
    }
    if (Object.keys(param).length === 0) {
      out.rule(at, ZET.emptyconfig);
      continue;
    }
    const { name, type, userdefined, mandatory, secure, displayName, description } = param;
    if (name === undefined) {
      out.rule(`${at}.name`, ZET.missingconfigname);
    } else {
      if (typeof name !== "string" || name.trim() === "") out.rule(`${at}.name`, ZET.invalidconfigname);
      if (!ZET_NAME_PATTERN.test(text(name))) {
        out.rule(`${at}.name`, `${ZET.invalidcharacters}'config' : ${text(name)}`);
      } else if (typeof name === "string" && names.includes(name.trim())) {
        out.rule(`${at}.name`, `${ZET.duplicatename}'config' : ${name}`);
      } else {
        names.push(text(name).trim());
      }
    }
    checkText(displayName, `${at}.displayName`, out, ZET.invaliddisplayname, ZET.invaliddisplaynamelength);
    checkText(description, `${at}.description`, out, ZET.invaliddescription, ZET.invaliddescriptionlength);
    if (userdefined === undefined) continue;
    if (typeof userdefined !== "boolean") out.rule(`${at}.userdefined`, ZET.invaliduserdefinedconfigtype);
    if (!userdefined) continue;
    if (type === undefined) out.rule(`${at}.type`, ZET.requiredType + text(name));
    else if (typeof type !== "string") out.rule(`${at}.type`, ZET.invalidtypeinconfig);
    else if (!CONFIG_TYPES.includes(type)) out.rule(`${at}.type`, ZET.invalidlistoftypeinconfig);
    if (mandatory === undefined) out.rule(`${at}.mandatory`, ZET.requiredMandatory + text(name));
    else if (typeof mandatory !== "boolean") out.rule(`${at}.mandatory`, ZET.invalidmandatorytype);
    if (secure === undefined) out.rule(`${at}.secure`, ZET.requiredSecure + text(name));
    else if (typeof secure !== "boolean") out.rule(`${at}.secure`, ZET.invalidsecuretype);
  }
}

function checkText(value: unknown, field: string, out: Findings, type: string, length: string): void {
  if (value === undefined) return;
  if (typeof value !== "string") out.rule(field, type);
  else if (value.length > 255) out.rule(field, length);
}
