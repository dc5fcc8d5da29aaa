import type { CallbackHooks } from "@desk/sdk";

/**
 * What the extension does on platform events. Saving the installation on install and forgetting it on uninstall
 * is done by the SDK's callback handler; these hooks add the extension's own work.
 */
export function callbackHooks(say: (line: string) => void): CallbackHooks {
  return {
    onInstall: async (event, inst) => {
      say(`installed in org ${event.orgId}`);
      await inst.logs.add({
        title: "Installed",
        description: `Escalation Desk is ready in org ${event.orgId}`,
      });
    },
    onConfigParamAdd: async (event, inst) => {
      // Secure params come back masked ("********"): show only that they are set.
      const config = await inst.config.getAll();
      const shown = Object.entries(config).map(([name, param]) =>
        param.masked ? `${name}=(secure)` : `${name}=${param.value}`,
      );
      say(`settings changed in org ${event.orgId}: ${shown.join(", ")}`);
      await inst.logs.add({ title: "Settings changed", description: shown.join(", ") });
    },
    onUninstall: (event) => {
      // Desk deletes the extension's storage and logs itself; we only drop our record (the SDK does that).
      say(`uninstalled from org ${event.orgId}`);
    },
  };
}
