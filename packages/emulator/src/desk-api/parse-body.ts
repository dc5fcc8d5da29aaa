import type { Context } from "hono";
import type { z } from "zod";
import { unprocessable } from "../errors/emulator-request-error.js";
import { issuePath } from "../errors/issue-path.js";
import { readJson } from "./read-json.js";

/**
 * Reads a JSON body and checks it with `schema`: a body that is not JSON, or the first broken rule, is 422
 * UNPROCESSABLE_ENTITY naming the field (`fieldName`) and the rule; `what` names the record in the message.
 */
export async function parseBody<T extends z.ZodType>(
  c: Context,
  schema: T,
  what: string,
): Promise<z.infer<T>> {
  const body = await readJson(c);
  if (!body.ok) throw unprocessable("body", `the body must be a JSON ${what}`);
  const result = schema.safeParse(body.value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const field = issuePath([...issue.path, issue.keys[0]!]);
    throw unprocessable(field, `${field} is not a field of a ${what}`);
  }
  const field = issuePath(issue.path) || "body";
  throw unprocessable(field, `${field}: ${issue.message}`);
}
