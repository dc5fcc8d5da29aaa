import { z } from "zod";
import { ZET } from "./desk-rules/zet-messages.js";
import { isZetUrl, ZET_NAME_PATTERN } from "./zet-url.js";

// Only the shapes the emulator needs to run, each refused exactly where Zoho's DESK rules refuse it too (so every
// manifest Desk accepts loads); Zoho's other rules are checked by checkDeskRules and only warned about. Every
// refusal quotes what zet says. Unknown fields are kept and ignored.

/** A refusal's rule: the emulator's words, then zet's. */
export const zetRule = (rule: string, zet: string) => `${rule} (zet: ${zet})`;

const zetUrl = z
  .string({ error: zetRule("must be a URL", ZET.invalidwhitelisteddomain) })
  .refine(isZetUrl, zetRule("must be an http, https or wss URL", ZET.invalidwhitelisteddomain));

const nonEmptyObject = (what: string, zet: string) =>
  z.custom<Record<string, unknown>>(
    (value) =>
      typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length > 0,
    { error: zetRule(`must be a non-empty object: ${what}`, zet) },
  );

const configParam = nonEmptyObject("a config param", ZET.emptyconfig).pipe(
  z.looseObject({
    name: z
      .string({ error: zetRule("is required and must be a string", ZET.missingconfigname) })
      .regex(ZET_NAME_PATTERN, {
        error: (issue) =>
          zetRule(
            "must start with a letter, then letters, digits, -, _ or spaces",
            `${ZET.invalidcharacters}'config' : ${String(issue.input)}`,
          ),
      }),
    // Read loosely: anything but false/absent counts as secure, so a value is never shown by mistake.
    secure: z.unknown().optional(),
  }),
);

const connector = nonEmptyObject("a connector", ZET.connectorsEmptyobject).pipe(
  z.looseObject({
    connectionLinkName: z.string({
      error: zetRule(
        "is required and must be a string: invoke calls name the connector by it",
        ZET.connectionLinkMissing,
      ),
    }),
  }),
);

// Zoho checks these callbackListener keys for a URL; others it passes as they are.
const ZET_CALLBACK_KEYS = [
  ...["onDeskAuthorise", "onTPAAuthorise", "onTPARevoke", "onUpdate", "onConfigParamChange", "onUninstall"],
];

/**
 * zod schema of the plugin-manifest.json shapes the emulator needs: refusals name the field and the rule, quoting
 * `zet validate`. Every other field is kept as it is; Zoho's other rules are warnings (`checkDeskRules`).
 *
 * @example
 * import { manifestSchema } from "@desk/emulator";
 * manifestSchema.parse({ storage: true, whiteListedDomains: ["https://desk.zoho.com"] });
 */
export const manifestSchema = z
  .looseObject({
    name: z.unknown().optional(),
    secret: z.unknown().optional(),
    storage: z.boolean({ error: zetRule("must be true or false", ZET.invalidstorage) }).optional(),
    // Zoho skips the check for a falsy value; the emulator reads it as no domain.
    whiteListedDomains: z.preprocess(
      (value) => (value ? value : undefined),
      z
        .array(zetUrl, { error: zetRule("must be an array of URLs", ZET.invalidwhitelisteddomaintype) })
        .optional(),
    ),
    callbackListener: z.preprocess(
      // Zoho passes an array (typeof "object"); it names no event.
      (value) => (Array.isArray(value) ? {} : value),
      z
        .record(z.string(), z.unknown(), {
          error: zetRule("must be an object of event -> URL", ZET.callbacklistenerInvalidtype),
        })
        .optional(),
    ),
    config: z
      .array(configParam, { error: zetRule("must be an array of config params", ZET.invalidconfigtype) })
      .optional(),
    connectors: z
      .array(connector, { error: zetRule("must be an array of connectors", ZET.invalidconnectortype) })
      .optional(),
  })
  .superRefine((manifest, ctx) => {
    const listener = manifest.callbackListener;
    if (listener !== undefined) {
      for (const key of ZET_CALLBACK_KEYS) {
        if (listener[key] !== undefined && !isZetUrl(listener[key])) {
          ctx.addIssue({
            code: "custom",
            path: ["callbackListener", key],
            message: zetRule("must be a URL", ZET.invalidCallbackUrl + key),
          });
        }
      }
      if (manifest.secret === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["secret"],
          message: zetRule(
            "is required with callbackListener: every callback is signed with it",
            ZET.secretkeymissing,
          ),
        });
      } else if (typeof manifest.secret !== "string") {
        ctx.addIssue({
          code: "custom",
          path: ["secret"],
          message: zetRule("must be a string", ZET.secretkeyinvalid),
        });
      }
    }
    const seen = new Set<string>();
    for (const [index, param] of (manifest.config ?? []).entries()) {
      const name = param.name.trim();
      if (seen.has(name)) {
        ctx.addIssue({
          code: "custom",
          path: ["config", index, "name"],
          message: zetRule(`duplicates "${name}"`, `${ZET.duplicatename}'config' : ${param.name}`),
        });
      }
      seen.add(name);
    }
  });

/**
 * A parsed plugin-manifest.json: the shapes the emulator needs, checked; every other field as written.
 *
 * @example
 * const manifest: Manifest = loadManifestFile("plugin-manifest.json");
 */
export type Manifest = z.infer<typeof manifestSchema>;
