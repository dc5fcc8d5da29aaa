// @desk/sdk/node: the Node-only helpers (node:http, node:fs). Everything else is in the main entry.
export { createFileInstallationStore } from "./node/create-file-installation-store.js";
export { type NodeHandlerOptions, toNodeHandler } from "./node/to-node-handler.js";
