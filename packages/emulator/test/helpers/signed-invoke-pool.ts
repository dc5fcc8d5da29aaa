import { signInvoke } from "@desk/hash";
import { FIXTURE_SECRET } from "./fixture.js";

/** One pre-signed invoke request, as autocannon replays it. */
export interface SignedInvokeRequest {
  method: "POST";
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Installs the fixture extension in a running emulator (admin API at `emulatorUrl`) and signs `size` invoke forms
 * beforehand, each a GET of `${targetOrigin}/items/<i>` with its own HASH: a load generator then only replays valid
 * forms, with no signing in the measured loop.
 */
export async function signedInvokePool(
  emulatorUrl: string,
  targetOrigin: string,
  size: number,
): Promise<SignedInvokeRequest[]> {
  const installed = (await (
    await fetch(`${emulatorUrl}/_emulator/installations`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ orgId: "8101" }),
    })
  ).json()) as { orgId: string; securityContext: string };
  return Promise.all(
    Array.from({ length: size }, async (_, index) => {
      const fields = { requestURL: `${targetOrigin}/items/${index}`, requestType: "GET" };
      return {
        method: "POST" as const,
        path: `/api/v1/invoke?orgId=${installed.orgId}`,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          hash: await signInvoke(FIXTURE_SECRET, fields),
        },
        body: new URLSearchParams({ securityContext: installed.securityContext, ...fields }).toString(),
      };
    }),
  );
}
