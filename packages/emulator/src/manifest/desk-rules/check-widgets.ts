import { extname } from "node:path";
import { isZetUrl, ZET_NAME_PATTERN } from "../zet-url.js";
import { type FileExists, type Findings, IMAGE_EXTENSIONS, isObjectLike, text } from "./finding.js";
import { ZET } from "./zet-messages.js";

/** Zoho's rules for `modules.widgets[]`: name, url, logo, icon. */
export function checkWidgets(widgets: readonly unknown[], out: Findings, exists: FileExists): void {
  const names: string[] = [];
  for (const [index, entry] of widgets.entries()) {
    const widget = isObjectLike(entry) ? entry : {};
    const at = `modules.widgets[${index}]`;
    const name = widget["name"];
    if (name === undefined) {
      out.rule(`${at}.name`, ZET.missingwidgetname + text(name));
    } else {
      if (typeof name !== "string" || name.trim() === "")
        out.rule(`${at}.name`, ZET.invalidwidgetname + text(name));
      if (!ZET_NAME_PATTERN.test(text(name))) {
        out.rule(`${at}.name`, `${ZET.invalidcharacters}'widgets' : ${text(name)}`);
      } else if (typeof name === "string" && names.includes(name.trim())) {
        out.rule(`${at}.name`, `${ZET.duplicatename}'widgets' : ${name}`);
      } else if (typeof name === "string") {
        names.push(name.trim());
      }
    }
    const url = widget["url"];
    if (url === undefined) {
      out.rule(`${at}.url`, ZET.missingurlinwidget + text(name));
    } else if (!isZetUrl(url)) {
      if (typeof url !== "string") out.rule(`${at}.url`, ZET.invalidurltype + text(name));
      else if (url.startsWith("/")) {
        if (!exists(url)) out.file(`${at}.url`, ZET.missingfileinappsource);
      } else if (!url.startsWith("{")) out.rule(`${at}.url`, ZET.invalidurl + text(name));
    }
    checkImage(widget["logo"], `${at}.logo`, out, exists, {
      extension: ZET.invalidlogoextn,
      slash: ZET.invalidlogo,
      missing: ZET.missinglogofile,
      type: ZET.invalidlogotype,
    });
    checkImage(widget["icon"], `${at}.icon`, out, exists, {
      extension: ZET.invalidiconextn,
      slash: ZET.invalidicon,
      missing: ZET.missingiconfile,
      type: ZET.invalidicontype,
    });
  }
}

function checkImage(
  value: unknown,
  field: string,
  out: Findings,
  exists: FileExists,
  says: { extension: string; slash: string; missing: string; type: string },
): void {
  if (value === undefined) return;
  if (typeof value !== "string") {
    out.rule(field, says.type);
    return;
  }
  if (!IMAGE_EXTENSIONS.includes(extname(value))) out.rule(field, says.extension);
  if (!value.startsWith("/")) out.rule(field, says.slash);
  if (!exists(value)) out.file(field, says.missing);
}
