import type { Resources } from "../manifest/resources-schema.js";
import { generateId } from "../store/generate-id.js";
import type { ResourceRow } from "../store/resource-store.js";

/** Desk-style custom field apiName: `cf_` + the label in snake case (e.g. "Tracker Key" -> "cf_tracker_key"). */
function customFieldApiName(label: string, taken: Set<string>): string {
  const base = `cf_${label
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")}`;
  let apiName = base;
  for (let n = 2; taken.has(apiName); n++) apiName = `${base}_${n}`;
  taken.add(apiName);
  return apiName;
}

/** The resources Desk creates at install: a generated id and an apiName for every resource of every type. */
export function buildResourceRows(resources: Resources): ResourceRow[] {
  const rows: ResourceRow[] = [];
  const taken = new Set<string>();
  for (const [type, value] of Object.entries(resources)) {
    if (value === undefined || value === null || typeof value !== "object") continue;
    const items = (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
    for (const item of items) {
      const name = item["resourceName"];
      if (typeof name !== "string") continue;
      const label = typeof item["displayLabel"] === "string" ? item["displayLabel"] : name;
      const apiName =
        type === "fields"
          ? customFieldApiName(label, taken)
          : typeof item["apiName"] === "string"
            ? item["apiName"]
            : name;
      rows.push({ type, name, id: generateId("5"), apiName, definition: item });
    }
  }
  return rows;
}
