// What every runtime runs from the installed packages: the HASH known-answer vectors (invoke and callback) and a
// JSON-safe placeholder substitution. Web standards only, so the same file runs in Node, Bun, Deno, an edge
// runtime and a browser (bundled).
import { signCallback, signInvoke, verifyInvoke } from "@desk/hash";
import { placeholder, resolvePlaceholders } from "@desk/placeholders";

export async function smoke({ invoke, callback }) {
  const headers = JSON.stringify({ Authorization: `Bearer ${placeholder.config("trackerToken")}` });
  return {
    invokeHash: await signInvoke(invoke.secret, invoke.fields),
    invokeVerified: (await verifyInvoke(invoke.secret, invoke.fields, invoke.hash)).valid,
    tamperedRejected: !(
      await verifyInvoke(invoke.secret, { ...invoke.fields, requestType: "PUT" }, invoke.hash)
    ).valid,
    callbackHash: await signCallback(callback.secret, callback.body),
    headers: resolvePlaceholders(headers, "headers", {
      installationId: "4000000123",
      config: { trackerToken: 's3"cret' },
      resources: {},
    }),
  };
}
