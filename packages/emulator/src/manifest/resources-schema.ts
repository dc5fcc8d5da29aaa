import { z } from "zod";

const identifier = z
  .string({ error: "is required" })
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "must be 1 to 64 letters, digits or _, not starting with a digit");

const field = z.looseObject({
  resourceName: identifier,
  module: z.string().optional(),
  displayLabel: z.string().optional(),
  type: z.string().optional(),
});

const permission = z.looseObject({
  resourceName: identifier,
  apiName: z.string({ error: "is required" }).regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "must be an identifier"),
  displayName: z.string().optional(),
  description: z.string().optional(),
  defaultState: z.boolean({ error: "is required and must be a boolean" }),
});

const other = z.looseObject({ resourceName: identifier });
const otherList = z.union([z.array(other), other]);

function unique(key: "resourceName" | "apiName") {
  return (items: readonly Record<string, unknown>[], ctx: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    for (const [index, item] of items.entries()) {
      if (seen.has(item[key])) {
        ctx.addIssue({ code: "custom", path: [index, key], message: `duplicates "${String(item[key])}"` });
      }
      seen.add(item[key]);
    }
  };
}

/**
 * zod schema of resources.json (spec 5): fields (≤ 10), permissions (≤ 10) and the other resource types.
 *
 * @example
 * import { resourcesSchema } from "@desk/emulator";
 * resourcesSchema.parse({ fields: [{ resourceName: "trackerKey", module: "tickets", type: "Text" }] });
 */
export const resourcesSchema = z.looseObject({
  fields: z.array(field).max(10, "holds at most 10 fields").superRefine(unique("resourceName")).optional(),
  permissions: z
    .array(permission)
    .max(10, "holds at most 10 permissions")
    .superRefine(unique("resourceName"))
    .superRefine(unique("apiName"))
    .optional(),
  webhook: otherList.optional(),
  customActions: otherList.optional(),
  targets: otherList.optional(),
  channel: otherList.optional(),
});

/**
 * A parsed, valid resources.json.
 *
 * @example
 * const resources: Resources = loadResourcesFile("resources.json");
 */
export type Resources = z.infer<typeof resourcesSchema>;
