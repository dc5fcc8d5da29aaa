import type { InvokeHashFields } from "@desk/hash";

/**
 * What the invoke handler saw of one call beyond the InvokeEvent, for the dashboard's history: the hashed form
 * fields exactly as the extension sent them (placeholders unsubstituted; never the HASH or the securityContext)
 * and the JSON body it answered.
 */
export interface InvokeTrace {
  fields: InvokeHashFields | undefined;
  answer: unknown;
}
