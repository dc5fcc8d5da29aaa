import { createMemoryInstallationStore } from "./create-memory-installation-store.js";
import { describeInstallationStore } from "./testing/describe-installation-store.js";

describeInstallationStore("memory", (options) => ({ store: createMemoryInstallationStore(options) }));
