import { z } from "zod";
import type { EmulatorContext } from "../context/emulator-context.js";
import { unprocessable } from "../errors/emulator-request-error.js";
import { orgFields } from "./org-fields.js";

const text = z.string().nullable().optional();

/** A ticket update body (PATCH): Desk's writable ticket fields, each optional, and `cf` custom fields. */
export const ticketUpdateSchema = z.strictObject({
  subject: z.string().min(1, "must not be empty").optional(),
  description: text,
  status: z.string().min(1, "must not be empty").optional(),
  priority: text,
  email: text,
  phone: text,
  channel: text,
  category: text,
  departmentId: z.string().min(1, "must not be empty").optional(),
  contactId: text,
  assigneeId: text,
  cf: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]), {
      error: "must be an object of custom field apiName -> string, number, boolean or null",
    })
    .optional(),
});

/** A ticket create body (POST): the same fields, `subject` required [doc]. */
export const ticketCreateSchema = ticketUpdateSchema.extend({
  subject: z
    .string({
      error: (issue) => (issue.input === undefined ? "is required to create a ticket" : "must be a string"),
    })
    .min(1, "must not be empty"),
});

/**
 * Checks what the schema cannot: `cf` names custom ticket fields of this org, and `departmentId` / `contactId`
 * name records the org has (422 naming the field).
 */
export function checkTicketReferences(
  context: EmulatorContext,
  orgId: string,
  input: z.infer<typeof ticketUpdateSchema>,
): void {
  const custom = new Set(
    orgFields(context, orgId, "tickets")
      .filter((field) => field.isCustomField)
      .map((field) => field.apiName),
  );
  for (const apiName of Object.keys(input.cf ?? {})) {
    if (!custom.has(apiName)) {
      throw unprocessable(
        `cf.${apiName}`,
        `cf.${apiName} is not a custom ticket field of this org (known: ${[...custom].join(", ") || "none"})`,
      );
    }
  }
  const { desk } = context.stores;
  if (input.departmentId !== undefined && !desk.get(orgId, "departments", input.departmentId)) {
    throw unprocessable("departmentId", `departmentId: no department ${input.departmentId} in this org`);
  }
  if (typeof input.contactId === "string" && !desk.get(orgId, "contacts", input.contactId)) {
    throw unprocessable("contactId", `contactId: no contact ${input.contactId} in this org`);
  }
}
