import {
  checkChannel,
  checkCustomActions,
  checkPermissions,
  checkResourceNames,
  checkTargets,
  checkWebhook,
} from "./check-resource-items.js";
import { type FileExists, Findings, isObjectLike } from "./finding.js";
import { ZET } from "./zet-messages.js";

/** Zoho's DESK rules for resources.json, in zet's order and words. */
export function checkResources(
  resources: Record<string, unknown>,
  exists: FileExists,
  file = "resources.json",
): Findings {
  const out = new Findings(file);
  const { channel, permissions, fields, webhook, customActions, targets } = resources;
  if (channel !== undefined) checkChannel(channel, out, exists);
  if (permissions !== undefined) {
    if (!Array.isArray(permissions)) out.rule("permissions", ZET.permissionInvalid);
    else if (permissions.length === 0) out.rule("permissions", ZET.permissionEmpty);
    else if (permissions.length <= 10) checkPermissions(permissions, out);
    else out.rule("permissions", ZET.permissionMaxcount);
  }
  if (fields !== undefined) {
    if (!Array.isArray(fields)) out.rule("fields", ZET.fieldsInvalid);
    else if (fields.length === 0) out.rule("fields", ZET.fieldsEmpty);
    else if (fields.length > 10) out.rule("fields", ZET.fieldsMaxcount);
  }
  checkResourceNames(resources, out);
  if (webhook !== undefined) {
    if (isObjectLike(webhook)) checkWebhook(webhook, out);
    else out.rule("webhook", ZET.webhookEmpty);
  }
  if (customActions !== undefined) {
    if (Array.isArray(customActions)) checkCustomActions(customActions, out);
    else out.rule("customActions", ZET.customactionsInvalid);
  }
  if (targets !== undefined) {
    if (Array.isArray(targets)) checkTargets(targets, out);
    else out.rule("targets", ZET.targetsInvalid);
  }
  return out;
}
