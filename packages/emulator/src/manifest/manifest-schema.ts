import { z } from "zod";

const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}, "must be an absolute http(s) URL");

const configParam = z.looseObject({
  name: z
    .string({ error: "must be a string" })
    .regex(
      /^[A-Za-z_][A-Za-z0-9_]{0,49}$/,
      "must be 1 to 50 letters, digits or _, not starting with a digit",
    ),
  displayName: z.string().optional(),
  type: z.string().optional(),
  mandatory: z.boolean({ error: "must be a boolean" }).optional(),
  secure: z.boolean({ error: "must be a boolean" }).optional(),
  userdefined: z.boolean({ error: "must be a boolean" }).optional(),
  description: z.string().optional(),
  defaultValue: z.string().optional(),
});

const connector = z.looseObject({
  connectionLinkName: z.string({ error: "is required" }).min(1, "must not be empty"),
  connectionName: z.string().optional(),
  serviceName: z.string().optional(),
  scope: z.array(z.string()).optional(),
});

/**
 * zod schema of the plugin-manifest.json fields the emulator uses (spec 5); other fields pass through.
 *
 * @example
 * import { manifestSchema } from "@desk/emulator";
 * manifestSchema.parse({ name: "demo", secret: "s3cr3t" });
 */
export const manifestSchema = z
  .looseObject({
    name: z.string({ error: "is required: the extension's name" }).min(1, "must not be empty"),
    // The emulator verifies every invoke HASH with it, so it is required here even without callbackListener.
    secret: z
      .string({ error: "is required: the HASH of every invoke call is signed with it" })
      .min(1, "must not be empty"),
    service: z.literal("DESK", { error: 'must be "DESK"' }).optional(),
    callbackListener: z.record(z.string(), httpUrl).optional(),
    whiteListedDomains: z.array(httpUrl).optional(),
    storage: z.boolean({ error: "must be a boolean" }).optional(),
    config: z.array(configParam).max(20, "holds at most 20 params").optional(),
    connectors: z.array(connector).optional(),
    zohoAuthorisation: z.unknown().optional(),
  })
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    for (const [index, param] of (manifest.config ?? []).entries()) {
      if (seen.has(param.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["config", index, "name"],
          message: `duplicates "${param.name}"`,
        });
      }
      seen.add(param.name);
    }
  });

/**
 * A parsed, valid plugin-manifest.json.
 *
 * @example
 * const manifest: Manifest = loadManifestFile("plugin-manifest.json");
 */
export type Manifest = z.infer<typeof manifestSchema>;
