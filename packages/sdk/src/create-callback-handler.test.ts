import { signCallback } from "@desk/hash";
import { describe, expect, it } from "vitest";
import { createCallbackHandler } from "./create-callback-handler.js";
import { createDesk } from "./create-desk.js";
import { createMemoryInstallationStore } from "./create-memory-installation-store.js";

const secret = "callback-handler-test-secret";

async function callback(event: string, orgId: string, securityContext: string): Promise<Request> {
  const body = JSON.stringify({ event, orgId, securityContext });
  return new Request("http://127.0.0.1/callbacks", {
    method: "POST",
    headers: { HASH: await signCallback(secret, body), "Content-Type": "application/json" },
    body,
  });
}

describe("createCallbackHandler and a late install callback", () => {
  it("an install delivered after its uninstall is answered 200, not saved, and calls no hook", async () => {
    const store = createMemoryInstallationStore();
    const heard: string[] = [];
    const handler = createCallbackHandler({
      desk: createDesk({ secret }),
      store,
      on: { onInstall: (event) => void heard.push(`install ${event.orgId}`) },
    });
    const securityContext = "sc-late-install-0123456789";
    expect((await handler(await callback("onUninstall", "314", securityContext))).status).toBe(200);
    const late = await handler(await callback("onInstall", "314", securityContext));
    expect(late.status).toBe(200);
    expect(await store.get("314")).toBeUndefined();
    expect(heard).toEqual([]);
    // The reinstall (a new securityContext) is saved and heard.
    expect((await handler(await callback("onInstall", "314", `${securityContext}-new`))).status).toBe(200);
    expect(await store.get("314")).toEqual({ orgId: "314", securityContext: `${securityContext}-new` });
    expect(heard).toEqual(["install 314"]);
  });
});
