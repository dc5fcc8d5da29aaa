import { createMemoryInstallationStore } from "@desk/sdk";
import { describeInstallationStore } from "@desk/sdk/testing";

// One call per test, each over empty data; give readRaw and reopen to run the encryption and rotation tests too.
describeInstallationStore("memory", (options) => ({ store: createMemoryInstallationStore(options) }));
