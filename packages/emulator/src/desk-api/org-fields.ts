import type { EmulatorContext } from "../context/emulator-context.js";

/** A field as organizationFields answers it. */
export interface OrgField {
  id: string;
  apiName: string;
  displayLabel: string;
  type: string;
  isCustomField: boolean;
  module: string;
}

const STANDARD_TICKET_FIELDS: readonly [string, string, string][] = [
  ["subject", "Subject", "Text"],
  ["description", "Description", "Textarea"],
  ["status", "Status", "Picklist"],
  ["priority", "Priority", "Picklist"],
  ["email", "Email", "Email"],
  ["phone", "Phone", "Phone"],
  ["channel", "Channel", "Picklist"],
  ["category", "Category", "Picklist"],
  ["departmentId", "Department", "LookUp"],
  ["contactId", "Contact Name", "LookUp"],
];

/** Standard fields of a module (tickets only) plus the custom fields extension field resources created in the org. */
export function orgFields(context: EmulatorContext, orgId: string, module: string): OrgField[] {
  const standard =
    module === "tickets"
      ? STANDARD_TICKET_FIELDS.map(([apiName, displayLabel, type], index) => ({
          id: `100000000000${String(index + 1).padStart(2, "0")}`,
          apiName,
          displayLabel,
          type,
          isCustomField: false,
          module,
        }))
      : [];
  const ids = context.stores.installations.idsOfOrg(orgId);
  const custom = context.stores.resources
    .list(ids)
    .filter((row) => row.type === "fields" && (row.definition["module"] ?? "tickets") === module)
    .map((row) => ({
      id: row.id,
      apiName: row.apiName,
      displayLabel: String(row.definition["displayLabel"] ?? row.name),
      type: String(row.definition["type"] ?? "Text"),
      isCustomField: true,
      module,
    }));
  return [...standard, ...custom];
}
