import { z } from "zod";
import { isZetUrl, ZET_NAME_PATTERN } from "./zet-url.js";

// Only the shapes the emulator needs to run, each refused exactly where Zoho's DESK rules refuse it too (so every
// manifest Desk accepts loads); the rest of Zoho's rules are checked by checkDeskRules and only warned about.
// Unknown fields are kept and ignored.

const zetUrl = z
  .string({ error: 'must be a URL (zet: "Invalid entries found in the \\"whiteListedDomains\\" property.")' })
  .refine(
    isZetUrl,
    'must be an http, https or wss URL (zet: "Invalid entries found in the \\"whiteListedDomains\\" property.")',
  );

const object = (what: string, zet: string) =>
  z.custom<Record<string, unknown>>(
    (value) =>
      typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length > 0,
    { error: `must be a non-empty object: ${what} (zet: "${zet}")` },
  );

const configParam = object("a config param", "Empty objects not allowed in 'config'").pipe(
  z.looseObject({
    name: z
      .string({
        error:
          'is required and must be a string (zet: "The \\"name\\" property is missing for the config options.")',
      })
      .regex(
        ZET_NAME_PATTERN,
        'must start with a letter, then letters, digits, -, _ or spaces (zet: "The \\"name\\" property should contain only alphabets, numbers, hypen and underscore with alphabet in first position of \'config\'")',
      ),
    // Read loosely: anything but false/absent counts as secure, so a value is never shown by mistake.
    secure: z.unknown().optional(),
  }),
);

const connector = object("a connector", "Empty objects not allowed in 'connectors' configurations.").pipe(
  z.looseObject({
    connectionLinkName: z.string({
      error:
        "is required and must be a string: invoke calls name the connector by it (zet: \"'connectionLinkName' property value is missing in connector configuration.\")",
    }),
  }),
);

// Zoho checks these callbackListener keys for a URL; others it passes as they are.
const ZET_CALLBACK_KEYS = [
  "onDeskAuthorise",
  "onTPAAuthorise",
  "onTPARevoke",
  "onUpdate",
  "onConfigParamChange",
  "onUninstall",
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
    storage: z
      .boolean({
        error:
          "must be true or false (zet: \"The \\\"storage\\\" property can be either 'true' or 'false'.\")",
      })
      .optional(),
    // Zoho skips the check for a falsy value; the emulator reads it as no domain.
    whiteListedDomains: z.preprocess(
      (value) => (value ? value : undefined),
      z
        .array(zetUrl, {
          error:
            'must be an array of URLs (zet: "The \\"whiteListedDomains\\" property should be an array of domain names.")',
        })
        .optional(),
    ),
    callbackListener: z.preprocess(
      // Zoho passes an array (typeof "object"); it names no event.
      (value) => (Array.isArray(value) ? {} : value),
      z
        .record(z.string(), z.unknown(), {
          error: "must be an object of event -> URL (zet: \"'callbackListener' should be of object type.\")",
        })
        .optional(),
    ),
    config: z
      .array(configParam, {
        error:
          "must be an array of config params (zet: \"The \\\"config\\\" can only be an object with the properties such as 'name', 'default', 'userdefined', 'mandatory', 'secure' and 'type'.\")",
      })
      .optional(),
    connectors: z
      .array(connector, {
        error:
          'must be an array of connectors (zet: "The \\"connectors\\" property should have an array of connector configurations.")',
      })
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
            message: `must be a URL (zet: "Invalid URL value provided in manifest for key: ${key}")`,
          });
        }
      }
      if (manifest.secret === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["secret"],
          message:
            'is required with callbackListener: every callback is signed with it (zet: "The \\"secret\\" property is missing in the manifest")',
        });
      } else if (typeof manifest.secret !== "string") {
        ctx.addIssue({
          code: "custom",
          path: ["secret"],
          message: 'must be a string (zet: "The \\"secret\\" property should be a string type.")',
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
          message: `duplicates "${name}" (zet: "The \\"name\\" property should be unique for 'config' : ${param.name}")`,
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
