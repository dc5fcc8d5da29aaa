import { type InvokeHashFields, signInvoke } from "@desk/hash";
import type { TestEmulator } from "../../src/testing.js";

/** A hand-built invoke call: the form fields as sent (and hashed), plus what is not hashed. */
export interface InvokeCall {
  fields: InvokeHashFields;
  orgId?: string | undefined;
  securityContext?: string | undefined;
  /** Override the HASH header (null = leave it out). */
  hash?: string | null;
  secret?: string;
  securityContextInQuery?: boolean;
}

/** The answer of the invoke endpoint, parsed. */
export interface InvokeAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  /** For 200: the target's status, `statusMessage` and headers. */
  target?: { statusCode: number; statusMessage: unknown; status: string; headers: Record<string, string> };
}

/** Signs the form with @desk/hash (not invoke-core) and POSTs it as a production extension would. */
export async function invoke(
  baseUrl: string,
  secret: string | undefined,
  call: InvokeCall,
): Promise<InvokeAnswer> {
  const form = new URLSearchParams();
  if (call.securityContext !== undefined && !call.securityContextInQuery)
    form.set("securityContext", call.securityContext);
  for (const [name, value] of Object.entries(call.fields)) if (value !== undefined) form.set(name, value);
  const query = new URLSearchParams();
  if (call.orgId !== undefined) query.set("orgId", call.orgId);
  if (call.securityContext !== undefined && call.securityContextInQuery)
    query.set("securityContext", call.securityContext);
  const key = call.secret ?? secret;
  if (key === undefined && call.hash === undefined) throw new Error("invoke(): no secret to sign with");
  const hash = call.hash === undefined ? await signInvoke(key!, call.fields) : call.hash;
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (hash !== null) headers["HASH"] = hash;
  const response = await fetch(`${baseUrl}/api/v1/invoke?${query}`, {
    method: "POST",
    headers,
    body: form.toString(),
  });
  const body = (await response.json()) as Record<string, unknown>;
  const answer: InvokeAnswer = { status: response.status, headers: response.headers, body };
  if (response.status === 200) {
    const wrapped = JSON.parse(body["response"] as string) as { statusMessage: unknown; status: string };
    answer.target = {
      statusCode: body["statusCode"] as number,
      statusMessage: wrapped.statusMessage,
      status: wrapped.status,
      headers: body["responseHeaders"] as Record<string, string>,
    };
  }
  return answer;
}

/** Binds `invoke` to one installation. */
export function invoker(
  baseUrl: string,
  secret: string | undefined,
  installation: { orgId: string; securityContext: string },
) {
  return (fields: InvokeHashFields, extra: Partial<InvokeCall> = {}) =>
    invoke(baseUrl, secret, {
      fields,
      orgId: installation.orgId,
      securityContext: installation.securityContext,
      ...extra,
    });
}

/**
 * Binds `invoke` to the installation a test emulator made at start, read at each call (so it can be made before
 * `useEmulator`'s beforeAll has run).
 */
export function installationInvoker(emulator: TestEmulator) {
  return (fields: InvokeHashFields, extra: Partial<InvokeCall> = {}) =>
    invoker(emulator.url, emulator.secret, emulator.installation)(fields, extra);
}
