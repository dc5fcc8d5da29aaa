// The README's API sections, each in a region, run in order against one installation.
import {
  createConfigParams,
  createLogs,
  createPermissions,
  createRateLimiter,
  createStorage,
} from "@desk/extension-data";
import { createInvokeClient } from "@desk/invoke-core";
import { z } from "zod";

const client = createInvokeClient({
  secret: process.env.DESK_SECRET!,
  orgId: process.env.DESK_ORG_ID!,
  securityContext: process.env.DESK_SECURITY_CONTEXT!,
  baseUrl: process.env.DESK_BASE_URL ?? "https://desk.zoho.com",
});
const show = (name: string, value: unknown) => console.log(`${name}: ${JSON.stringify(value)}`);
const items = [
  { key: "ticket:43", value: { state: "open" }, queriableValue: "open" },
  { key: "ticket:44", value: { state: "open" }, queriableValue: "open" },
];

// #region storage
const storage = createStorage(client);
const stored = await storage.set("ticket:42", { state: "open" }, { queriableValue: "open" }); // the stored item
await storage.setMany(items); // [{ key, value, queriableValue? }], sent in calls of at most 10
const value = await storage.get("ticket:42"); // { state: "open" } | undefined
const item = await storage.getItem("ticket:42"); // { key, queriableValue, value } | undefined
const page = await storage.query({ queriableValue: "open", from: 0, limit: 20 }); // { items, from, limit, hasMore }
for await (const page of storage.pages({ queriableValue: "open", pageSize: 100 }))
  console.log(page.items.length);
for await (const item of storage.iterate({ queriableValue: "open" })) console.log(item.key);
const existed = await storage.delete("ticket:42"); // true if it existed
const deleted = await storage.deleteByQueriableValue("open"); // the deleted keys
// #endregion storage
show("stored", stored);
show("value", value);
show("item", item);
show("page", {
  keys: page.items.map((i) => i.key),
  from: page.from,
  limit: page.limit,
  hasMore: page.hasMore,
});
show("existed", existed);
show("deleted", deleted);

// #region typed
const tickets = storage.typed(z.object({ state: z.enum(["open", "closed"]), issue: z.string() }));
await tickets.set("ticket:42", { state: "open", issue: "TRK-7" }); // checked before sending; the output is stored
const ticket = await tickets.get("ticket:42"); // typed; checked on read
// #endregion typed
show("ticket", ticket);

const somethingElse = async () => "your own call";
// #region rate-limit
const limiter = createRateLimiter();
const limited = createStorage(client, { rateLimit: limiter });
await limiter.schedule("get", () => somethingElse()); // your own calls can share the budget
// #endregion rate-limit
show("limited", await limited.get("ticket:42"));

// #region config
const config = createConfigParams(client, { secureParams: ["trackerToken"] });
await config.set({ trackerUrl: "https://tracker.example.com", trackerToken: "t0k" }); // several at once
const params = await config.getAll();
// { trackerUrl: { value: "https://tracker.example.com", masked: false },
//   trackerToken: { value: "********", masked: true } }
// #endregion config
show("params", params);

// #region logs
const logs = createLogs(client);
await logs.add({ title: "synced", description: "42 tickets" });
const run = logs.group(); // reference: crypto.randomUUID(), or logs.group("my-reference")
await run.add({ title: "escalation", description: "ticket 42" }); // the parent
await run.add({ title: "issue created", description: "TRK-7" }); // a sub log
run.size; // 2
// #endregion logs
show("group size", run.size);

// #region permissions
const permissions = createPermissions(client);
const all = await permissions.list(); // [{ apiName: "canEscalate", isEnabled: true }]
const mayEscalate = await permissions.isEnabled("canEscalate"); // true
// #endregion permissions
show("permissions", all);
show("mayEscalate", mayEscalate);
