import { z } from "zod";
import { ZET, ZET_RESOURCE_NAME } from "./desk-rules/zet-messages.js";
import { zetRule } from "./manifest-schema.js";

// Only the shapes the emulator needs (the resources it substitutes and the permissions it answers), each refused
// exactly where Zoho's DESK rules refuse it too; Zoho's other rules are warnings (checkDeskRules). A channel needs
// no resourceName (Zoho's rules ask for none).

const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);

const item = (type: keyof typeof ZET_RESOURCE_NAME) => {
  const zet = ZET_RESOURCE_NAME[type]!;
  return z
    .custom<Record<string, unknown>>(isObject, { error: zetRule("must be an object", zet.missing) })
    .pipe(
      z.looseObject({
        resourceName: z
          .string({ error: zetRule("is required and must be a string", zet.missing) })
          .refine((name) => name.trim() !== "", zetRule("must not be empty", zet.invalid)),
      }),
    );
};

const permission = z
  .custom<Record<string, unknown>>((value) => typeof value === "object" && value !== null, {
    error: zetRule("must be an object", ZET.missingapiname),
  })
  .pipe(
    z.looseObject({
      apiName: z
        .string({ error: zetRule("is required and must be a string", ZET.missingapiname) })
        .refine((name) => name.trim() !== "", zetRule("must not be empty", ZET.invalidapiname)),
      defaultState: z.unknown().optional(),
    }),
  )
  .superRefine((entry, ctx) => {
    if (typeof entry.defaultState === "boolean") return;
    const zet = entry.defaultState === undefined ? ZET.missingDefaultState : ZET.invalidDefaultState;
    ctx.addIssue({
      code: "custom",
      path: ["defaultState"],
      message: zetRule(
        "is required and must be a boolean: it is the permission's state at install",
        zet + entry.apiName,
      ),
    });
  })
  .transform((entry) => entry as typeof entry & { defaultState: boolean });

function uniqueApiNames(items: readonly Record<string, unknown>[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const [index, entry] of items.entries()) {
    const name = String(entry["apiName"]).trim();
    if (seen.has(name)) {
      ctx.addIssue({
        code: "custom",
        path: [index, "apiName"],
        message: zetRule(
          `duplicates "${name}"`,
          `${ZET.duplicateapiname}'resources.json' : ${entry["apiName"]}`,
        ),
      });
    }
    seen.add(name);
  }
}

// zet lets a resourceName repeat within one type (only across types is it refused): a warning, not a refusal.
const list = (type: keyof typeof ZET_RESOURCE_NAME, zetInvalid: string) =>
  z.array(item(type), { error: zetRule("must be an array", zetInvalid) });

/**
 * zod schema of the resources.json shapes the emulator needs: refusals name the field and the rule, quoting
 * `zet validate`. Every other field is kept as it is; Zoho's other rules are warnings (`checkDeskRules`).
 *
 * @example
 * import { resourcesSchema } from "@desk/emulator";
 * resourcesSchema.parse({ fields: [{ resourceName: "trackerKey", module: "tickets", type: "Text" }] });
 */
export const resourcesSchema = z.looseObject({
  fields: list("fields", ZET.fieldsInvalid).optional(),
  permissions: z
    .array(permission, { error: zetRule("must be an array", ZET.permissionInvalid) })
    .superRefine(uniqueApiNames)
    .optional(),
  webhook: z
    .custom<Record<string, unknown>>(isObject, {
      // zet reads an array as an object without url; anything else it calls no object.
      error: (issue) =>
        zetRule("must be an object", Array.isArray(issue.input) ? ZET.missingWebhookurl : ZET.webhookEmpty),
    })
    .pipe(item("webhook"))
    .optional(),
  customActions: list("customActions", ZET.customactionsInvalid).optional(),
  targets: list("targets", ZET.targetsInvalid).optional(),
  channel: z.unknown().optional(),
});

/**
 * A parsed resources.json: the shapes the emulator needs, checked; every other field as written.
 *
 * @example
 * const resources: Resources = loadResourcesFile("resources.json");
 */
export type Resources = z.infer<typeof resourcesSchema>;
