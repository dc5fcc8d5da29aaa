import { fileURLToPath } from "node:url";
import type { Emulator, EmulatorOptions } from "@desk/emulator";
import { startTestEmulator } from "@desk/emulator/testing";
import {
  createInvokeClient,
  type InvokeClient,
  type InvokeClientOptions,
  type InvokeRequest,
} from "@desk/invoke-core";

export const manifestPath = fileURLToPath(new URL("./fixtures/plugin-manifest.json", import.meta.url));
export const resourcesPath = fileURLToPath(new URL("./fixtures/resources.json", import.meta.url));
export const noStorageManifestPath = fileURLToPath(
  new URL("./fixtures/no-storage-manifest.json", import.meta.url),
);

/** Values of the fixture manifest's two mandatory config params. */
export const defaultConfig = { trackerUrl: "https://tracker.example.com", trackerToken: "s3cret-t0ken" };

/** An invoke client that records what it was asked to send (a spy on the client, not a mock of the network). */
export interface RecordingClient extends InvokeClient {
  readonly requests: InvokeRequest[];
  /** Resolves once no call is in flight (for fake clocks: time moves only while nothing is under way). */
  idle(): Promise<void>;
}

export function recording(client: InvokeClient): RecordingClient {
  const requests: InvokeRequest[] = [];
  let inFlight = 0;
  const waiters: (() => void)[] = [];
  return {
    deskOrigin: client.deskOrigin,
    orgId: client.orgId,
    requests,
    async invoke(request) {
      requests.push(request);
      inFlight++;
      try {
        return await client.invoke(request);
      } finally {
        inFlight--;
        if (inFlight === 0) for (const wake of waiters.splice(0)) wake();
      }
    },
    idle() {
      return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
  };
}

export interface Harness {
  emulator: Emulator;
  installationId: string;
  client: RecordingClient;
  close(): Promise<void>;
}

/** Starts an emulator on an ephemeral port with the test fixtures, installs once, and builds a real invoke client. */
export async function startHarness(
  options: Partial<EmulatorOptions> = {},
  clientOptions: Partial<InvokeClientOptions> = {},
  install: NonNullable<Parameters<Emulator["install"]>[0]> = {},
): Promise<Harness> {
  const emulator = await startTestEmulator({
    manifest: manifestPath,
    resources: resourcesPath,
    ...options,
  });
  try {
    const installation = await emulator.install({ orgId: "7001", config: defaultConfig, ...install });
    const client = createInvokeClient({
      secret: emulator.secret!,
      orgId: installation.orgId,
      securityContext: installation.securityContext,
      baseUrl: emulator.url,
      ...clientOptions,
    });
    return {
      emulator,
      installationId: installation.installationId,
      client: recording(client),
      close: () => emulator.close(),
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
