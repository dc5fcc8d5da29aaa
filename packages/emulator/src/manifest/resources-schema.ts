import { z } from "zod";

// Only the shapes the emulator needs (the resources it substitutes and the permissions it answers), each refused
// exactly where Zoho's DESK rules refuse it too; the rest of Zoho's rules are warnings (checkDeskRules). A channel
// needs no resourceName (Zoho's rules ask for none).

const item = (type: string, zetType: string) =>
  z
    .custom<Record<string, unknown>>(
      (value) => typeof value === "object" && value !== null && !Array.isArray(value),
      {
        error: `must be an object (a ${type} resource)`,
      },
    )
    .pipe(
      z.looseObject({
        resourceName: z
          .string({
            error: `is required and must be a string (zet: "The \\"resourceName\\" property is missing for the 'resources.json'- ${zetType}")`,
          })
          .refine(
            (name) => name.trim() !== "",
            `must not be empty (zet: "Invalid \\"resourceName\\" property found for the 'resources.json' - ${zetType}.It should be string type.")`,
          ),
      }),
    );

const permission = z
  .custom<Record<string, unknown>>((value) => typeof value === "object" && value !== null, {
    error: "must be an object (a permission)",
  })
  .pipe(
    z.looseObject({
      apiName: z
        .string({
          error:
            'is required and must be a string (zet: "The \\"apiName\\" property is missing for the \'resources.json\'")',
        })
        .refine(
          (name) => name.trim() !== "",
          'must not be empty (zet: "Invalid \\"apiName\\" property found for the \'resources.json\'.It should be string type. -")',
        ),
      defaultState: z.boolean({
        error:
          'is required and must be a boolean: it is the permission\'s state at install (zet: "The \\"defaultState\\" property should be a boolean for the \'resources.json\' apiName -")',
      }),
    }),
  );

function unique(key: string, zet: (value: string) => string) {
  return (items: readonly Record<string, unknown>[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    for (const [index, entry] of items.entries()) {
      const value = String(entry[key]).trim();
      if (seen.has(value)) {
        ctx.addIssue({
          code: "custom",
          path: [index, key],
          message: `duplicates "${value}" (zet: "${zet(value)}")`,
        });
      }
      seen.add(value);
    }
  };
}

const resourceNameUnique = unique(
  "resourceName",
  (name) => `The \\"resourceName\\" property should be unique for 'resources.json' : ${name}`,
);

const list = (type: string, zetType: string, zetInvalid: string) =>
  z
    .array(item(type, zetType), { error: `must be an array (zet: "${zetInvalid}")` })
    .superRefine(resourceNameUnique);

/**
 * zod schema of the resources.json shapes the emulator needs: refusals name the field and the rule, quoting
 * `zet validate`. Every other field is kept as it is; Zoho's other rules are warnings (`checkDeskRules`).
 *
 * @example
 * import { resourcesSchema } from "@desk/emulator";
 * resourcesSchema.parse({ fields: [{ resourceName: "trackerKey", module: "tickets", type: "Text" }] });
 */
export const resourcesSchema = z.looseObject({
  fields: list(
    "fields",
    "fields ",
    "The fields object should be of array type in 'resources.json'",
  ).optional(),
  permissions: z
    .array(permission, {
      error: "must be an array (zet: \"The permissions object should be of array type in 'resources.json'\")",
    })
    .superRefine(
      unique(
        "apiName",
        (name) => `The \\"apiName\\" property should be unique for 'resources.json' : ${name}`,
      ),
    )
    .optional(),
  webhook: item("webhook", "webhook ").optional(),
  customActions: list(
    "customActions",
    "Custom Actions ",
    "The custom actions object should be of array type in 'resources.json'",
  ).optional(),
  targets: list(
    "targets",
    "Targets",
    "The targets object should be of array type in 'resources.json'",
  ).optional(),
  channel: z.unknown().optional(),
});

/**
 * A parsed resources.json: the shapes the emulator needs, checked; every other field as written.
 *
 * @example
 * const resources: Resources = loadResourcesFile("resources.json");
 */
export type Resources = z.infer<typeof resourcesSchema>;
