import { extname } from "node:path";
import { isZetUrl } from "../zet-url.js";
import { type Findings, IMAGE_EXTENSIONS, isObjectLike, text } from "./finding.js";
import { ZET, ZET_RESOURCE_NAME } from "./zet-messages.js";

const INPUT_FIELD_TYPES = [
  ...[
    "STRING",
    "LOOKUP",
    "TEXT",
    "NUMBER",
    "DECIMAL",
    "PICKLIST",
    "URL",
    "MULTIPICKLIST",
    "CONTENT",
    "BOOLEAN",
  ],
  ...["DYNAMICPICKLIST", "ARRAY", "OBJECT"],
];
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

const has = (value: Record<string, unknown>, key: string) => Object.hasOwn(value, key);
const length = (value: unknown) => (typeof value === "string" || Array.isArray(value) ? value.length : 0);
const suffix = (value: unknown) => (value ? ` - ${text(value)}` : "");

/** Zoho's rules for `channel`: its logo (a file), contentTypes, redirectUrl, sync. */
export function checkChannel(channel: unknown, out: Findings, exists: (path: string) => boolean): void {
  const value = isObjectLike(channel) ? channel : {};
  const logo = value["channelLogoPath"];
  if (logo === undefined) out.rule("channel.channelLogoPath", ZET.missinglogopath);
  else if (typeof logo !== "string") out.rule("channel.channelLogoPath", ZET.invalidlogopath);
  else {
    if (!IMAGE_EXTENSIONS.includes(extname(logo)))
      out.rule("channel.channelLogoPath", ZET.invalidlogopathextn);
    if (!logo.startsWith("/")) out.rule("channel.channelLogoPath", ZET.invalidlogopathurl);
    if (!exists(logo)) out.file("channel.channelLogoPath", ZET.missinglogopathfile);
  }
  const types = value["contentTypes"];
  if (types !== undefined) {
    if (!Array.isArray(types)) out.rule("channel.contentTypes", ZET.invalidcontentType);
    else {
      for (const [index, type] of types.entries()) {
        if (type !== "text/html" && type !== "text/plain") {
          out.rule(`channel.contentTypes[${index}]`, `${ZET.invalidcontentTypelist} at posistion ${index}`);
        }
      }
    }
  }
  if (value["redirectUrl"] !== undefined && !isZetUrl(value["redirectUrl"])) {
    out.rule("channel.redirectUrl", ZET.invalidredirecturl);
  }
  if (value["sync"] !== undefined && typeof value["sync"] !== "object")
    out.rule("channel.sync", ZET.invalidsync);
}

/** Zoho's rules for `permissions[]` (the count is checked by the caller). */
export function checkPermissions(permissions: readonly unknown[], out: Findings): void {
  const names: string[] = [];
  for (const [index, entry] of permissions.entries()) {
    const permission = isObjectLike(entry) ? entry : {};
    const at = `permissions[${index}]`;
    const { apiName: name, displayName, description, defaultState } = permission;
    if (name === undefined) out.rule(`${at}.apiName`, ZET.missingapiname);
    else {
      if (typeof name !== "string" || name.trim() === "") out.rule(`${at}.apiName`, ZET.invalidapiname);
      if (typeof name === "string" && names.includes(name.trim())) {
        out.rule(`${at}.apiName`, `${ZET.duplicateapiname}'resources.json' : ${name}`);
      } else if (typeof name === "string") names.push(name.trim());
    }
    const label = text(name);
    if (displayName === undefined) out.rule(`${at}.displayName`, ZET.missingdisplayname + label);
    else if (typeof displayName !== "string" || displayName.trim() === "") {
      out.rule(`${at}.displayName`, ZET.invalidresourcedisplayname + label);
    }
    if (description === undefined) out.rule(`${at}.description`, ZET.missingdescription + label);
    else if (typeof description !== "string" || description.trim() === "") {
      out.rule(`${at}.description`, ZET.invalidresourcedescription + label);
    }
    if (defaultState === undefined) out.rule(`${at}.defaultState`, ZET.missingDefaultState + label);
    else if (typeof defaultState !== "boolean")
      out.rule(`${at}.defaultState`, ZET.invalidDefaultState + label);
  }
}

/**
 * Zoho's resourceName rule over customActions, fields, targets and webhook: present, a non-empty string, and not
 * already used by an earlier type. As in zet, names repeat freely within one type, and once a name fails no later
 * name is recorded.
 */
export function checkResourceNames(resources: Record<string, unknown>, out: Findings): void {
  let seen: string[] = [];
  let failed = false;
  for (const key of ["customActions", "fields", "targets", "webhook"]) {
    const value = resources[key];
    const before = seen;
    const items = Array.isArray(value)
      ? [...value.entries()]
      : isObjectLike(value)
        ? [[-1, value] as const]
        : [];
    for (const [index, entry] of items) {
      const at = index < 0 ? `${key}.resourceName` : `${key}[${index}].resourceName`;
      const name = isObjectLike(entry) ? entry["resourceName"] : undefined;
      const says = ZET_RESOURCE_NAME[key]!;
      const finding =
        name === undefined
          ? says.missing
          : typeof name !== "string" || name.trim() === ""
            ? says.invalid
            : before.includes(name)
              ? `${ZET.duplicateresourcename}'resources.json' : ${name}`
              : undefined;
      if (finding !== undefined) {
        out.rule(at, finding);
        failed = true;
      } else if (!failed) seen = [...seen, name as string];
    }
  }
}

/** Zoho's rules for `webhook` (an object). */
export function checkWebhook(webhook: Record<string, unknown>, out: Findings): void {
  const { url, name, subscriptions, ignoreSourceId } = webhook;
  if (url === undefined) out.rule("webhook.url", ZET.missingWebhookurl);
  else if (typeof url !== "string" || url.trim() === "") out.rule("webhook.url", ZET.invalidWebhookurl);
  if (name === undefined) out.rule("webhook.name", ZET.missingWebhookname);
  else if (typeof name !== "string" || name.trim() === "") out.rule("webhook.name", ZET.invalidWebhookname);
  if (subscriptions === undefined) out.rule("webhook.subscriptions", ZET.missingWebhooksubscriptions);
  else if (typeof subscriptions !== "object")
    out.rule("webhook.subscriptions", ZET.invalidWebhooksubscriptions);
  if (ignoreSourceId === undefined) out.rule("webhook.ignoreSourceId", ZET.missingWebhookignoreSourceId);
  else if (typeof ignoreSourceId !== "string")
    out.rule("webhook.ignoreSourceId", ZET.invalidWebhookignoreSourceId);
}

/** Zoho's rules for `customActions[]`. */
export function checkCustomActions(actions: readonly unknown[], out: Findings): void {
  for (const [index, entry] of actions.entries()) {
    const action = isObjectLike(entry) ? entry : {};
    const at = `customActions[${index}]`;
    const resourceName = action["resourceName"];
    if (has(action, "resourceName") && length(resourceName || "") > 250) {
      out.rule(`${at}.resourceName`, ZET.caResourcenameMaxlength);
    }
    if (!has(action, "customActionName"))
      out.rule(`${at}.customActionName`, ZET.caNameMissing + suffix(resourceName));
    else if (length(action["customActionName"] || "") > 250) {
      out.rule(
        `${at}.customActionName`,
        `${ZET.caNameMaxlength} - ${text(resourceName || action["customActionName"])}`,
      );
    }
    if (!has(action, "targetId")) out.rule(`${at}.targetId`, ZET.caTargetIdMissing + suffix(resourceName));
    const inputFields = action["inputFields"] || [];
    for (const [position, fieldEntry] of (Array.isArray(inputFields) ? inputFields : []).entries()) {
      const field = isObjectLike(fieldEntry) ? fieldEntry : {};
      const fieldAt = `${at}.inputFields[${position}]`;
      const displayName = field["displayName"];
      if (!has(field, "displayName")) {
        out.rule(`${fieldAt}.displayName`, ZET.caInputDisplayNameMissing + suffix(resourceName));
      } else if (length(displayName) > 250) {
        out.rule(`${fieldAt}.displayName`, `${ZET.caInputDisplayNameMaxlength} - ${text(displayName)}`);
      }
      if (!has(field, "type"))
        out.rule(`${fieldAt}.type`, `${ZET.caInputTypeMissing} - ${text(displayName)}`);
      else if (!INPUT_FIELD_TYPES.includes(field["type"] as string)) {
        out.rule(`${fieldAt}.type`, `${ZET.caInputTypeInvalid} - ${text(displayName)}`);
      }
    }
  }
}

/** Zoho's rules for `targets[]`. */
export function checkTargets(targets: readonly unknown[], out: Findings): void {
  for (const [index, entry] of targets.entries()) {
    const target = isObjectLike(entry) ? entry : {};
    const at = `targets[${index}]`;
    const resourceName = target["resourceName"];
    if (has(target, "resourceName") && length(resourceName || "") > 250) {
      out.rule(`${at}.resourceName`, ZET.caResourcenameMaxlength);
    }
    if (!has(target, "targetName"))
      out.rule(`${at}.targetName`, ZET.targetNameMissing + suffix(resourceName));
    else if (length(target["targetName"] || "") > 250) {
      out.rule(
        `${at}.targetName`,
        `${ZET.targetNameMaxlength} - ${text(resourceName || target["targetName"])}`,
      );
    }
    if (!has(target, "url")) out.rule(`${at}.url`, ZET.targetUrlMissing + suffix(resourceName));
    if (!has(target, "httpMethod")) {
      out.rule(`${at}.httpMethod`, ZET.targetHttpmethodMissing + suffix(resourceName));
    } else if (!HTTP_METHODS.includes(target["httpMethod"] as string)) {
      out.rule(`${at}.httpMethod`, ZET.targetHttpmethodInvalid + suffix(resourceName));
    }
  }
}
