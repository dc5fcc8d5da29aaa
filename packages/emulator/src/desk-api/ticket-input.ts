import type { EmulatorContext } from "../context/emulator-context.js";
import { orgFields } from "./org-fields.js";

const WRITABLE = [
  "subject",
  "description",
  "status",
  "priority",
  "email",
  "phone",
  "channel",
  "category",
  "departmentId",
  "contactId",
];

/** A ticket create/update body checked against the org's fields; answers the changes or the field at fault. */
export function checkTicketInput(
  context: EmulatorContext,
  orgId: string,
  body: unknown,
  creating: boolean,
):
  | { changes: Record<string, unknown>; cf: Record<string, unknown> }
  | { fieldName: string; message: string } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { fieldName: "body", message: "the body must be a JSON object of ticket fields" };
  }
  const changes: Record<string, unknown> = {};
  let cf: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === "cf") {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return { fieldName: "cf", message: "cf must be an object of custom field apiName -> value" };
      }
      cf = value as Record<string, unknown>;
    } else if (WRITABLE.includes(name)) {
      if (value !== null && typeof value !== "string")
        return { fieldName: name, message: `${name} must be a string` };
      changes[name] = value;
    } else {
      return {
        fieldName: name,
        message: `${name} is not a writable ticket field (writable: ${WRITABLE.join(", ")}, cf)`,
      };
    }
  }
  if (creating && (typeof changes["subject"] !== "string" || changes["subject"] === "")) {
    return { fieldName: "subject", message: "subject is required to create a ticket" };
  }
  const custom = new Set(
    orgFields(context, orgId, "tickets")
      .filter((f) => f.isCustomField)
      .map((f) => f.apiName),
  );
  for (const [apiName, value] of Object.entries(cf)) {
    if (!custom.has(apiName)) {
      return {
        fieldName: `cf.${apiName}`,
        message: `cf.${apiName} is not a custom ticket field of this org (known: ${[...custom].join(", ") || "none"})`,
      };
    }
    if (value !== null && !["string", "number", "boolean"].includes(typeof value)) {
      return {
        fieldName: `cf.${apiName}`,
        message: `cf.${apiName} must be a string, number, boolean or null`,
      };
    }
  }
  return { changes, cf };
}
