import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type CreateDeskOptions, createMemoryInstallationStore, type InstallationStore } from "@desk/sdk";
import { toNodeHandler } from "@desk/sdk/node";
import { createApp } from "./create-app.js";

/**
 * Options of {@link startSampleExtension}.
 *
 * @example
 * const options: SampleExtensionOptions = { port: 4200, desk: { secret: process.env.DESK_SECRET! } };
 */
export interface SampleExtensionOptions {
  /** 0 picks a free port. Default 4200 (the port in plugin-manifest.json). */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /**
   * `createDesk` options, or a function giving them on the first request: for when Desk's URL is only known
   * after this server listens (the emulator's manifest needs this server's URL first).
   */
  desk: CreateDeskOptions | (() => CreateDeskOptions);
  /** Where installations are kept. Default: in memory. */
  store?: InstallationStore;
  /** Clock for `escalatedAt`. Default `() => new Date()`. */
  now?: () => Date;
  /** Where the extension prints what it does. Default console.log. */
  say?: (line: string) => void;
}

/**
 * A running sample extension.
 *
 * @example
 * const extension: SampleExtension = await startSampleExtension({ port: 0, desk: { secret } });
 * await extension.close();
 */
export interface SampleExtension {
  /** "http://127.0.0.1:<port>" */
  readonly url: string;
  readonly port: number;
  readonly store: InstallationStore;
  close(): Promise<void>;
}

/**
 * Starts the reference extension on node:http.
 *
 * @example
 * import { startSampleExtension } from "sample-extension";
 *
 * const extension = await startSampleExtension({ port: 0, desk: () => ({ secret, baseUrl: emulator.url }) });
 * await fetch(`${extension.url}/escalations?orgId=12345`);
 * await extension.close();
 */
export async function startSampleExtension(options: SampleExtensionOptions): Promise<SampleExtension> {
  const store = options.store ?? createMemoryInstallationStore();
  const say = options.say ?? ((line: string) => console.log(line));
  let app: ((request: Request) => Promise<Response>) | undefined;
  const handler = (request: Request) => {
    app ??= createApp({
      desk: typeof options.desk === "function" ? options.desk() : options.desk,
      store,
      now: options.now ?? (() => new Date()),
      say,
    });
    return app(request);
  };

  const server = createServer(toNodeHandler(handler, { onError: (error) => say(`server error: ${error}`) }));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4200, options.host ?? "127.0.0.1", resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    port,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
