import { callbackBody } from "../callbacks/callback-body.js";
import { sendCallback } from "../callbacks/send-callback.js";
import type { EmulatorContext } from "../context/emulator-context.js";
import { seedDeskData } from "../desk-data/seed-desk-data.js";
import type { CallbackOutcome, EmulatorInstallation } from "../emulator-types.js";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";
import { generateId } from "../store/generate-id.js";
import { buildResourceRows } from "./build-resource-rows.js";
import { validateConfigValues } from "./validate-config-values.js";
import { validatePermissionStates } from "./validate-permission-states.js";

const AUTHORISE_EVENTS = ["onZohoAuthorise", "onDeskAuthorise"];

/** Install, uninstall, config and permission changes, and triggered callbacks: one place for both APIs. */
export class InstallationService {
  readonly #context: EmulatorContext;

  constructor(context: EmulatorContext) {
    this.#context = context;
  }

  /** Finds an installation or throws 404 INSTALLATION_NOT_FOUND. */
  require(installationId: string): { installationId: string; orgId: string; installedAt: number } {
    const row = this.#context.stores.installations.get(installationId);
    if (!row) {
      throw new EmulatorRequestError({
        status: 404,
        errorCode: "INSTALLATION_NOT_FOUND",
        message: `installation ${installationId} does not exist`,
      });
    }
    return row;
  }

  securityContextOf(installationId: string): string {
    const { orgId } = this.require(installationId);
    return this.#context.sealer.seal({ orgId, installationId });
  }

  async install(options: {
    orgId?: string | undefined;
    config?: Record<string, string> | undefined;
    permissions?: Record<string, boolean> | undefined;
  }): Promise<EmulatorInstallation & { callbacks: CallbackOutcome[] }> {
    const { manifest, resources, stores } = this.#context;
    const orgId = options.orgId ?? generateId("7").slice(0, 9);
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(orgId)) {
      throw new EmulatorRequestError({
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        message: "orgId must be 1 to 40 letters, digits, _ or -",
        field: "orgId",
      });
    }
    const existing = stores.installations.idsOfOrg(orgId)[0];
    if (existing !== undefined) {
      throw new EmulatorRequestError({
        status: 409,
        errorCode: "ALREADY_INSTALLED",
        message: `the extension is already installed in org ${orgId} (installation ${existing})`,
      });
    }
    const defaults = Object.fromEntries(
      (manifest.config ?? []).map((param) => [param.name, defaultValueOf(param)] as const),
    );
    const config = { ...defaults, ...validateConfigValues(manifest, options.config ?? {}) };
    for (const param of manifest.config ?? []) {
      if (param.mandatory === true && config[param.name] === "") {
        throw new EmulatorRequestError({
          status: 422,
          errorCode: "UNPROCESSABLE_ENTITY",
          message: `config param ${param.name} is mandatory: give it a value at install`,
          field: `config.${param.name}`,
        });
      }
    }
    const permissions = Object.fromEntries(
      (resources.permissions ?? []).map(
        (permission) => [permission.apiName, permission.defaultState] as const,
      ),
    );
    Object.assign(permissions, validatePermissionStates(resources, options.permissions ?? {}));

    const installationId = generateId("4");
    const now = this.#context.now();
    stores.db.transaction(() => {
      stores.installations.insert({ installationId, orgId, installedAt: now });
      stores.config.set(installationId, config);
      stores.resources.insert(installationId, buildResourceRows(resources));
      stores.permissions.set(installationId, permissions);
      if (!stores.desk.hasData(orgId)) seedDeskData(stores.desk, orgId, now);
    })();

    const securityContext = this.#context.sealer.seal({ orgId, installationId });
    const callbacks = [await this.#send(installationId, orgId, "onInstall")];
    for (const event of AUTHORISE_EVENTS) {
      if (manifest.callbackListener?.[event] !== undefined)
        callbacks.push(await this.#send(installationId, orgId, event));
    }
    return { installationId, orgId, securityContext, callbacks };
  }

  async uninstall(installationId: string): Promise<CallbackOutcome[]> {
    const { orgId } = this.require(installationId);
    const callbacks = [await this.#send(installationId, orgId, "onUninstall")];
    this.#context.stores.installations.delete(installationId);
    this.#context.rateLimiter.forget(installationId);
    return callbacks;
  }

  /** Sets config values; sends onConfigParamAdd for added or changed values, onConfigParamDelete for cleared ones. */
  async setConfig(installationId: string, values: Record<string, string>): Promise<CallbackOutcome[]> {
    const { orgId } = this.require(installationId);
    const checked = validateConfigValues(this.#context.manifest, values);
    const before = this.#context.stores.config.all(installationId);
    for (const param of this.#context.manifest.config ?? []) {
      if (param.mandatory && checked[param.name] === "") {
        throw new EmulatorRequestError({
          status: 422,
          errorCode: "UNPROCESSABLE_ENTITY",
          message: `config param ${param.name} is mandatory and cannot be cleared`,
          field: `values.${param.name}`,
        });
      }
    }
    const changed = Object.entries(checked).filter(([name, value]) => (before[name] ?? "") !== value);
    this.#context.stores.db.transaction(() => this.#context.stores.config.set(installationId, checked))();
    const callbacks: CallbackOutcome[] = [];
    if (changed.some(([, value]) => value !== "")) {
      callbacks.push(await this.#send(installationId, orgId, this.#configEvent()));
    }
    if (changed.some(([, value]) => value === "")) {
      callbacks.push(await this.#send(installationId, orgId, "onConfigParamDelete"));
    }
    return callbacks;
  }

  setPermissions(
    installationId: string,
    states: Record<string, boolean>,
  ): { apiName: string; isEnabled: boolean }[] {
    this.require(installationId);
    const checked = validatePermissionStates(this.#context.resources, states);
    this.#context.stores.db.transaction(() =>
      this.#context.stores.permissions.set(installationId, checked),
    )();
    return this.#context.stores.permissions.list(installationId);
  }

  /** Sends any event: a string payload byte for byte, an object merged over the default body. */
  async trigger(event: string, installationId: string, payload?: object | string): Promise<CallbackOutcome> {
    if (typeof event !== "string" || event.length === 0) {
      throw new EmulatorRequestError({
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        message: "event must be a non-empty string",
        field: "event",
      });
    }
    const { orgId } = this.require(installationId);
    const securityContext = this.#context.sealer.seal({ orgId, installationId });
    const body =
      typeof payload === "string"
        ? payload
        : callbackBody(event, orgId, securityContext, this.#context.callbackOrgId, payload);
    return sendCallback(this.#context, installationId, event, body);
  }

  #configEvent(): string {
    const listener = this.#context.manifest.callbackListener ?? {};
    return listener["onConfigParamAdd"] === undefined && listener["onConfigParamChange"] !== undefined
      ? "onConfigParamChange"
      : "onConfigParamAdd";
  }

  #send(installationId: string, orgId: string, event: string): Promise<CallbackOutcome> {
    const securityContext = this.#context.sealer.seal({ orgId, installationId });
    return sendCallback(
      this.#context,
      installationId,
      event,
      callbackBody(event, orgId, securityContext, this.#context.callbackOrgId),
    );
  }
}

/** A config param's default: `defaultValue` (Desk's guide), else `default` (the key Zoho's rules read), else "". */
export function defaultValueOf(param: Record<string, unknown>): string {
  const value = param["defaultValue"] ?? param["default"];
  return typeof value === "string" ? value : "";
}
