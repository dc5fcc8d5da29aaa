import { z } from "zod";

const required = z.string().min(1);
const optional = z.string().optional();

/**
 * The invoke form as Desk receives it (spec 1): all strings; `securityContext`, `requestURL` and `requestType`
 * required, the rest optional. Useful on the receiving side (an emulator, a proxy).
 *
 * @example
 * InvokeFormSchema.parse(Object.fromEntries(new URLSearchParams(body)));
 */
export const InvokeFormSchema = z.object({
  securityContext: required,
  requestURL: required,
  requestType: required,
  queryParams: optional,
  postBody: optional,
  headers: optional,
  connectionLinkName: optional,
});
