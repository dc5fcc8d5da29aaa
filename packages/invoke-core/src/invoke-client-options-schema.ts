import { z } from "zod";
import { CallOptionsShape } from "./call-options-shape.js";
import { DATA_CENTERS, type DataCenter } from "./data-centers.js";

const text = z.string().min(1);

/**
 * `InvokeClientOptions`, checked by `createInvokeClient`. Error messages name the field, never its value.
 *
 * @example
 * InvokeClientOptionsSchema.safeParse({ secret: "", orgId: 1, securityContext: "x" }).success; // false
 */
export const InvokeClientOptionsSchema = z.object({
  secret: z.union([text, z.array(text).min(1)]),
  orgId: z.coerce.string().regex(/^\d+$/, "must be digits"),
  securityContext: text,
  dataCenter: z.enum(Object.keys(DATA_CENTERS) as [DataCenter]).optional(),
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  ...CallOptionsShape,
});
