// Acts for the installation the callback listener saved: a storage write and read through the emulator's invoke
// API, from @desk/sdk as installed. Runs unchanged on Node, Bun and Deno; prints one JSON line.
import { createDesk } from "@desk/sdk";
import { createFileInstallationStore } from "@desk/sdk/node";
import desk from "./desk.json" with { type: "json" };

const runtime = globalThis.Deno
  ? "deno"
  : globalThis.Bun
    ? "bun"
    : `node${process.versions.node.split(".")[0]}`;
const record = await createFileInstallationStore("./installations.json").get(desk.orgId);
if (record === undefined) throw new Error(`no installation saved for org ${desk.orgId}`);
const inst = createDesk({ secret: desk.secret, baseUrl: desk.emulatorUrl }).installation(record);
await inst.storage.set(`runtime:${runtime}`, { runtime }, { queriableValue: "runtimes" });
console.log(JSON.stringify({ runtime, stored: await inst.storage.get(`runtime:${runtime}`) }));
