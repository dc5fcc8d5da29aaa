// The release flow, end to end, through a real registry (Verdaccio on loopback, storage in a temporary folder):
// a copy of this workspace versions and publishes its packages with `pnpm version-packages` and `pnpm release`;
// fresh projects outside the workspace install them with npm, as a user would, and run them on Node 20, the newest
// Node, Bun, Deno, an edge runtime and Chromium; then a patch changeset on @desk/hash goes out the same way.
// Everything it installs comes from npm into temporary folders (test/registry/tools pins the versions).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Manifest, publicPackages, repositoryRoot, runtimeDependencies } from "../workspace-packages.js";
import { isolatedEnv, lastJsonLine, run, type Server, startServer } from "./harness.js";

const IN_CI = process.env.CI === "true";
const here = join(repositoryRoot, "test/registry");
const vectorsFile = JSON.parse(readFileSync(join(repositoryRoot, "fixtures/hash-vectors.json"), "utf8"));
const vectors = { invoke: vectorsFile.invoke[0], callback: vectorsFile.callback[0] };
const packages = publicPackages();
const CHROMIUM = "/usr/bin/chromium";

// Outside CI the test needs npm's registry (for the tools) and git; it says so instead of failing.
const missing = ["npm", "git", "tar"].filter((tool) => spawnSync(tool, ["--version"]).error !== undefined);
const skipReason = missing.length > 0 ? `needs ${missing.join(", ")} on PATH` : undefined;
if (skipReason && !IN_CI) console.warn(`registry test skipped: ${skipReason}`);

describe.skipIf(skipReason !== undefined && !IN_CI)("a release through a real registry", () => {
  let temp: string;
  let env: NodeJS.ProcessEnv;
  let tools: string;
  let registry: string;
  let verdaccio: Server<{ port: number }>;
  let workspace: string;
  // The SDK project's install compiles better-sqlite3 (no prebuilt binary is reachable here): it starts as soon
  // as the packages are published and runs while the smaller projects are checked.
  let sdkProject: string;
  let sdkInstall: Promise<unknown> | undefined;
  const bin = (name: string) => join(tools, "node_modules/.bin", name);

  const npm = (cwd: string, args: string[], timeoutMs = 240_000) => run("npm", args, { cwd, env, timeoutMs });
  const pnpmInCopy = (args: string[], extraEnv: Record<string, string> = {}) =>
    run(process.execPath, [join(workspace, "scripts/pnpm.mjs"), ...args], {
      cwd: workspace,
      env: { ...env, ...extraEnv },
      timeoutMs: 600_000,
      allowFailure: true,
    });

  /** The registry's packument for a package (404 → undefined). */
  const packument = async (name: string) => {
    const response = await fetch(`${registry}${name.replace("/", "%2f")}`);
    if (response.status === 404) return undefined;
    expect(response.status).toBe(200);
    return (await response.json()) as { versions: Record<string, Manifest & { dist: { tarball: string } }> };
  };

  /** A fresh npm project outside the workspace whose @desk scope points at the test registry. */
  const consumer = (name: string, type: "module" | "commonjs" = "module") => {
    const folder = join(temp, "consumers", name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "package.json"), JSON.stringify({ name, private: true, type }, null, 2));
    writeFileSync(join(folder, ".npmrc"), `@desk:registry=${registry}\n`);
    writeFileSync(join(folder, "vectors.json"), JSON.stringify(vectors));
    for (const script of ["smoke.mjs", "run-smoke.mjs", "web-smoke.mjs", "hash-esm.mjs", "hash-cjs.cjs"]) {
      cpSync(join(here, "consumers", script), join(folder, script));
    }
    for (const script of ["placeholders.mjs", "callback-server.mjs", "use-installation.mjs"]) {
      cpSync(join(here, "consumers", script), join(folder, script));
    }
    return folder;
  };

  /** Every package npm installed (from package-lock.json), as `name@version`. */
  const installed = (folder: string) => {
    const lock = JSON.parse(readFileSync(join(folder, "package-lock.json"), "utf8")) as {
      packages: Record<string, { name?: string; version: string; link?: boolean }>;
    };
    return Object.entries(lock.packages)
      .filter(([path]) => path !== "")
      .map(([path, entry]) => ({
        path,
        name: entry.name ?? path.replace(/^.*node_modules\//, ""),
        ...entry,
      }));
  };

  /** Installed packages no declared dependency reaches (walking dependencies, optional and peer ones). */
  const undeclared = (folder: string) => {
    const lock = JSON.parse(readFileSync(join(folder, "package-lock.json"), "utf8")) as {
      packages: Record<string, Record<string, Record<string, string> | string | boolean>>;
    };
    const deps = (path: string) =>
      Object.keys({
        ...(lock.packages[path]?.dependencies as object),
        ...(lock.packages[path]?.optionalDependencies as object),
        ...(lock.packages[path]?.peerDependencies as object),
      });
    const locate = (from: string, name: string) => {
      for (let base = from; ; base = base.replace(/\/?node_modules\/(?:@[^/]+\/)?[^/]+$/, "")) {
        const candidate = `${base === "" ? "" : `${base}/`}node_modules/${name}`;
        if (lock.packages[candidate]) return candidate;
        if (base === "") return undefined;
      }
    };
    const reached = new Set<string>();
    const queue = deps("").map((name) => locate("", name));
    while (queue.length > 0) {
      const path = queue.pop();
      if (path === undefined || reached.has(path)) continue;
      reached.add(path);
      for (const name of deps(path)) queue.push(locate(path, name));
    }
    return Object.keys(lock.packages).filter((path) => path !== "" && !reached.has(path));
  };

  const deskNames = (folder: string) =>
    installed(folder)
      .map((entry) => entry.name)
      .filter((name) => name.startsWith("@desk/"))
      .sort();

  /** The @desk packages a package pulls in, from the manifests the registry serves. */
  const deskClosure = async (name: string, seen = new Set<string>()): Promise<Set<string>> => {
    if (seen.has(name)) return seen;
    seen.add(name);
    const doc = await packument(name);
    const latest = doc?.versions[Object.keys(doc.versions).at(-1)!];
    for (const dep of Object.keys(runtimeDependencies(latest ?? ({} as Manifest)))) {
      if (dep.startsWith("@desk/")) await deskClosure(dep, seen);
    }
    return seen;
  };

  const versionIn = (folder: string) => (name: string) =>
    (JSON.parse(readFileSync(join(workspace, folder, "package.json"), "utf8")) as Manifest).version ?? name;
  const workspaceVersion = (name: string) => {
    const pkg = packages.find((candidate) => candidate.manifest.name === name)!;
    return versionIn(pkg.folder)(name);
  };

  /**
   * The emulator's better-sqlite3 has no prebuilt binary reachable here (its download host is not npm), and
   * compiling SQLite takes minutes on a busy 2-core machine. So the SDK project gets the binary this workspace's own
   * install built, for the same better-sqlite3 version and Node ABI, as a local prebuild that prebuild-install (the
   * package's own install step) picks up, and an npm override holds better-sqlite3 at that version. The package
   * itself still comes from npm and installs as it does for a user. Without a built workspace copy, it compiles.
   */
  const localSqlitePrebuild = async (project: string) => {
    const fromEmulator = createRequire(join(repositoryRoot, "packages/emulator/package.json"));
    let packageDir: string;
    try {
      packageDir = dirname(fromEmulator.resolve("better-sqlite3/package.json"));
    } catch {
      return false;
    }
    const binary = "build/Release/better_sqlite3.node";
    if (!existsSync(join(packageDir, binary))) return false;
    const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
      version: string;
    };
    const prebuilds = join(temp, "prebuilds");
    mkdirSync(prebuilds, { recursive: true });
    const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
    await run("tar", ["-czf", join(prebuilds, name), "-C", packageDir, binary], { cwd: temp });
    const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8"));
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ ...manifest, overrides: { "better-sqlite3": version } }),
    );
    env.npm_config_better_sqlite3_local_prebuilds = prebuilds;
    return true;
  };

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), "desk-registry-"));
    // Native addons (the emulator's better-sqlite3) build against the headers the machine's npm names, if any.
    const nodedir = (await run("npm", ["config", "get", "nodedir"], { cwd: temp })).stdout.trim();
    env = isolatedEnv(join(temp, "npm"), {
      ...(/^(?:undefined|null|)$/.test(nodedir) ? {} : { npm_config_nodedir: nodedir }),
      // node-gyp compiles with every core (its default is one job).
      JOBS: "max",
    });

    // The tools: Verdaccio, the runtimes, esbuild, playwright-core, at the versions of tools/package-lock.json.
    tools = join(temp, "tools");
    mkdirSync(tools);
    for (const file of ["package.json", "package-lock.json", "verdaccio-server.mjs"]) {
      cpSync(join(here, file.endsWith(".mjs") ? file : `tools/${file}`), join(tools, file));
    }
    await npm(tools, ["ci", "--no-audit", "--no-fund"], 300_000);

    verdaccio = await startServer<{ port: number }>(
      process.execPath,
      ["verdaccio-server.mjs", join(temp, "verdaccio")],
      {
        cwd: tools,
        env,
      },
    );
    registry = `http://127.0.0.1:${verdaccio.info.port}/`;

    // A copy of the workspace as it is (tracked and new files), outside it. No dist: the release builds it, so a
    // stale file left in a developer's dist folder cannot reach the tarballs.
    workspace = join(temp, "workspace");
    const listed = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
      cwd: repositoryRoot,
      encoding: "utf8",
    }).stdout.split("\n");
    for (const file of listed.filter((path) => path !== "" && existsSync(join(repositoryRoot, path)))) {
      mkdirSync(dirname(join(workspace, file)), { recursive: true });
      cpSync(join(repositoryRoot, file), join(workspace, file));
    }
    // The real checks (tests, export checks) are what this run is part of: the copy's checks build and record
    // that release ran them.
    const rootManifest = JSON.parse(readFileSync(join(workspace, "package.json"), "utf8"));
    rootManifest.scripts["release:checks"] =
      `turbo run build && node -e "require('fs').writeFileSync('checks-ran', 'yes')"`;
    writeFileSync(join(workspace, "package.json"), JSON.stringify(rootManifest, null, 2));
    const git = (...args: string[]) => run("git", args, { cwd: workspace, env });
    await git("init", "-q", "-b", "main");
    writeFileSync(join(workspace, ".git/info/exclude"), "checks-ran\n");
    await git("add", "-A");
    await git(
      "-c",
      "user.name=release test",
      "-c",
      "user.email=release@example.invalid",
      "commit",
      "-qm",
      "copy",
    );
    // pnpm publish resolves workspace:^ through the installed links: install as a maintainer's clone would
    // (from pnpm's store, without build scripts: publishing compiles nothing).
    const install = await pnpmInCopy([
      "install",
      "--frozen-lockfile",
      "--prefer-offline",
      "--ignore-scripts",
    ]);
    expect(install.code, install.stdout + install.stderr).toBe(0);
  }, 900_000);

  afterAll(async () => {
    await sdkInstall?.catch(() => {});
    await verdaccio?.stop();
    // Half a gigabyte of runtimes and browsers' drivers: removing them takes a while on a busy disk.
    if (temp) rmSync(temp, { recursive: true, force: true });
  }, 180_000);

  it("the repository's release runs the tests and the export checks before it publishes", () => {
    const scripts = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")).scripts;
    expect(scripts.release).toBe("node scripts/release.mjs");
    expect(scripts["release:checks"]).toMatch(
      /^turbo run build --force && .*run test:all\b.*&&.*run check-exports\b/,
    );
  });

  it("refuses to release without a registry named for @desk, and publishes nothing", async () => {
    const result = await pnpmInCopy(["run", "release"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      "release: no registry configured for the @desk scope, so nothing was published",
    );
    expect(existsSync(join(workspace, "checks-ran"))).toBe(false);
    expect(await packument("@desk/hash")).toBeUndefined();
  }, 180_000);

  it("refuses npm's public default as the @desk registry", async () => {
    // npm's built-in default, with no config file in the way.
    writeFileSync(join(temp, "global.npmrc"), "");
    const { stdout } = await run("npm", ["config", "get", "registry"], {
      cwd: temp,
      env: { ...env, npm_config_globalconfig: join(temp, "global.npmrc") },
    });
    const result = await pnpmInCopy(["run", "release"], { DESK_REGISTRY: stdout.trim() });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("is npm's public default");
    expect(existsSync(join(workspace, "checks-ran"))).toBe(false);
  }, 180_000);

  it("versions every package with pending changesets and publishes every public package to the configured registry", async () => {
    // A maintainer's .npmrc: the scope line and a token (Verdaccio issues one to a new user).
    const response = await fetch(`${registry}-/user/org.couchdb.user:releaser`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "releaser", password: "release-test-password" }),
    });
    expect(response.status).toBe(201);
    const { token } = (await response.json()) as { token: string };
    const host = registry.replace(/^https?:/, "");
    writeFileSync(join(workspace, ".npmrc"), `@desk:registry=${registry}\n${host}:_authToken=${token}\n`);

    const versioned = await pnpmInCopy(["run", "version-packages"]);
    expect(versioned.code, versioned.stdout + versioned.stderr).toBe(0);
    const released = await pnpmInCopy(["run", "release"]);
    expect(released.code, released.stdout + released.stderr).toBe(0);
    expect(readFileSync(join(workspace, "checks-ran"), "utf8")).toBe("yes");
    expect(released.stdout).toContain(`release: @desk packages go to ${registry}`);

    for (const { folder, manifest } of packages) {
      const version = versionIn(folder)(manifest.name);
      const doc = await packument(manifest.name);
      expect(Object.keys(doc?.versions ?? {}), manifest.name).toContain(version);
    }
    sdkProject = consumer("sdk-and-emulator");
    const prebuilt = await localSqlitePrebuild(sdkProject);
    sdkInstall = npm(sdkProject, ["install", "@desk/sdk", "@desk/emulator"], 900_000).then(() => {
      // The binary came from the local prebuild, not from a compile (see localSqlitePrebuild).
      if (prebuilt)
        expect(existsSync(join(sdkProject, "node_modules/better-sqlite3/build/Release/obj"))).toBe(false);
    });
    sdkInstall.catch(() => {}); // awaited (and reported) by the SDK tests
  }, 900_000);

  it.each(packages.map((pkg) => [pkg.manifest.name] as const))(
    "%s: the tarball holds README, LICENSE, CHANGELOG, no tests, and source maps that point inside it",
    async (name) => {
      const doc = await packument(name);
      const published = doc!.versions[workspaceVersion(name)]!;
      const folder = join(temp, "tarballs", name);
      mkdirSync(folder, { recursive: true });
      const tarball = await fetch(published.dist.tarball);
      writeFileSync(join(folder, "package.tgz"), Buffer.from(await tarball.arrayBuffer()));
      await run("tar", ["-xzf", "package.tgz"], { cwd: folder });
      const { stdout } = await run("tar", ["-tzf", "package.tgz"], { cwd: folder });
      const files = stdout
        .trim()
        .split("\n")
        .map((path) => path.replace(/^package\//, ""));

      expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE", "CHANGELOG.md"]));
      expect(readFileSync(join(folder, "package/LICENSE"), "utf8")).toBe(
        readFileSync(join(repositoryRoot, "LICENSE"), "utf8"),
      );
      expect(
        files.filter((path) => /(?:^|\/)(?:test|bench)\/|\.(?:test|bench)\.[cm]?[jt]s$/.test(path)),
      ).toEqual([]);

      const maps = files.filter((path) => path.endsWith(".map"));
      expect(maps.length).toBeGreaterThan(0);
      for (const map of maps) {
        const { sources, sourceRoot = "" } = JSON.parse(readFileSync(join(folder, "package", map), "utf8"));
        for (const source of sources as string[]) {
          const target = posix.normalize(posix.join(posix.dirname(map), sourceRoot, source));
          expect(files, `${map} -> ${source}`).toContain(target);
        }
      }

      // The manifest as published: no repository-only fields, internal ranges pinned to what was released.
      const manifest = JSON.parse(readFileSync(join(folder, "package/package.json"), "utf8")) as Manifest;
      for (const field of ["scripts", "devDependencies", "size-limit"])
        expect(manifest[field]).toBeUndefined();
      for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
        expect(range, `${name} -> ${dep}`).toMatch(/^\^\d+\.\d+\.\d+/);
        if (dep.startsWith("@desk/")) expect(range).toBe(`^${workspaceVersion(dep)}`);
      }
      for (const [dep, range] of Object.entries(manifest.peerDependencies ?? {})) {
        expect(range, `${name} -> ${dep} (peer)`).not.toMatch(/^=?\d+\.\d+\.\d+$/);
      }
    },
    60_000,
  );

  it("@desk/hash installs alone (with only the @desk packages it declares) and works from ESM and from CommonJS", async () => {
    const esm = consumer("hash-esm");
    await npm(esm, ["install", "@desk/hash"]);
    // Nothing but hash and the @desk packages it declares (today @desk/errors, the shared error base): no
    // third-party package at all.
    const hashClosure = [...(await deskClosure("@desk/hash"))].sort();
    expect(
      installed(esm)
        .map((entry) => entry.name)
        .sort(),
    ).toEqual(hashClosure);
    const fromEsm = lastJsonLine<{ hash: string; valid: boolean; entry: string; hmac: string }>(
      await run(process.execPath, ["hash-esm.mjs"], { cwd: esm, env }),
    );
    expect(fromEsm).toMatchObject({ hash: vectors.invoke.hash, valid: true });
    expect(fromEsm.entry).toMatch(/node_modules\/@desk\/hash\/dist\/index\.js$/);
    expect(fromEsm.hmac).toMatch(/node_modules\/@desk\/hash\/dist\/hmac\.node\.cjs$/);

    const cjs = consumer("hash-cjs", "commonjs");
    await npm(cjs, ["install", "@desk/hash"]);
    expect(
      installed(cjs)
        .map((entry) => entry.name)
        .sort(),
    ).toEqual(hashClosure);
    const fromCjs = lastJsonLine<{ hash: string; valid: boolean; entry: string; hmac: string }>(
      await run(process.execPath, ["hash-cjs.cjs"], { cwd: cjs, env }),
    );
    expect(fromCjs).toMatchObject({ hash: vectors.callback.hash, valid: true });
    expect(fromCjs.entry).toMatch(/node_modules\/@desk\/hash\/dist\/index\.cjs$/);
    expect(fromCjs.hmac).toMatch(/node_modules\/@desk\/hash\/dist\/hmac\.node\.cjs$/);
  }, 240_000);

  it("@desk/placeholders installs alone (with only the @desk packages it declares) and works", async () => {
    const folder = consumer("placeholders-alone");
    await npm(folder, ["install", "@desk/placeholders"]);
    expect(
      installed(folder)
        .map((entry) => entry.name)
        .sort(),
    ).toEqual([...(await deskClosure("@desk/placeholders"))].sort());
    const result = lastJsonLine(await run(process.execPath, ["placeholders.mjs"], { cwd: folder, env }));
    expect(result).toEqual({
      url: "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage",
      tokens: ["{{fields.ticketKey.apiName}}"],
      nearMisses: ["spaces"],
      issues: 1,
      resolved: "https://desk.zoho.com/api/v1/installedExtensions/4000000123/storage",
    });
  }, 240_000);

  describe("@desk/sdk with @desk/emulator, installed from the registry", () => {
    let project: string;
    let listener: Server<{ port: number }>;
    let emulator: Server<{ url: string }>;

    beforeAll(async () => {
      if (sdkInstall === undefined) throw new Error("nothing was published, so nothing was installed");
      await sdkInstall;
      project = sdkProject;
    }, 900_000);

    afterAll(async () => {
      await emulator?.stop();
      await listener?.stop();
    });

    it("installs only what the two declare", async () => {
      expect(deskNames(project)).toEqual(
        [...new Set([...(await deskClosure("@desk/sdk")), ...(await deskClosure("@desk/emulator"))])].sort(),
      );
      expect(undeclared(project)).toEqual([]);
    });

    it("runs: the emulator CLI from node_modules/.bin, a verified onInstall saved by the SDK, storage through invoke", async () => {
      const example = join(project, "node_modules/@desk/emulator/examples/hello");
      const manifestText = readFileSync(join(example, "plugin-manifest.json"), "utf8");
      const secret = (JSON.parse(manifestText) as { secret: string }).secret;
      writeFileSync(join(project, "desk.json"), JSON.stringify({ secret, orgId: "12345" }));
      listener = await startServer(process.execPath, ["callback-server.mjs"], { cwd: project, env });
      writeFileSync(
        join(project, "plugin-manifest.json"),
        manifestText.replaceAll("127.0.0.1:4200", `127.0.0.1:${listener.info.port}`),
      );
      cpSync(join(example, "resources.json"), join(project, "resources.json"));

      const cli = join(project, "node_modules/.bin/desk-emulator");
      emulator = await startServer(cli, ["start", "--port", "0", "--db", ":memory:", "--json"], {
        cwd: project,
        env,
      });
      expect(emulator.info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      writeFileSync(
        join(project, "desk.json"),
        JSON.stringify({ secret, orgId: "12345", emulatorUrl: emulator.info.url }),
      );

      await run(
        cli,
        ["install", "--org", "12345", "--config", "greeting=Hello", "--url", emulator.info.url],
        {
          cwd: project,
          env,
        },
      );
      const saved = JSON.parse(readFileSync(join(project, "installations.json"), "utf8"));
      expect(JSON.stringify(saved)).toContain("12345");

      const result = lastJsonLine(
        await run(process.execPath, ["use-installation.mjs"], { cwd: project, env }),
      );
      expect(result).toEqual({ runtime: "node20", stored: { runtime: "node20" } });
    }, 120_000);

    describe("the runtime matrix, from the installed packages", () => {
      const runtimes = () =>
        [
          { name: "node26", command: bin("node"), args: [] as string[], hashEntry: /dist\/hmac\.node\.cjs$/ },
          { name: "bun", command: bin("bun"), args: [] as string[], hashEntry: /dist\/hmac\.node\.cjs$/ },
          { name: "deno", command: bin("deno"), args: ["run", "-A"], hashEntry: /dist\/hmac\.node\.cjs$/ },
        ] as const;

      it.each(["node26", "bun", "deno"])(
        "%s runs the HASH vectors, placeholders and the SDK against the emulator",
        async (name) => {
          const runtime = runtimes().find((candidate) => candidate.name === name)!;
          const smoke = lastJsonLine<Record<string, unknown>>(
            await run(runtime.command, [...runtime.args, "run-smoke.mjs"], { cwd: project, env }),
          );
          expect(smoke).toMatchObject({
            invokeHash: vectors.invoke.hash,
            invokeVerified: true,
            tamperedRejected: true,
            callbackHash: vectors.callback.hash,
            headers: '{"Authorization":"Bearer s3\\"cret"}',
          });
          // Bun and Deno resolve the `node` condition of `#hmac`: they run node:crypto (README says so).
          expect(String(smoke.hashEntry)).toMatch(runtime.hashEntry);

          const used = lastJsonLine(
            await run(runtime.command, [...runtime.args, "use-installation.mjs"], { cwd: project, env }),
          );
          const expected = name === "node26" ? "node26" : name;
          expect(used).toEqual({ runtime: expected, stored: { runtime: expected } });
        },
        120_000,
      );

      const bundle = async (platform: "browser" | "neutral", conditions: string) => {
        const out = join(project, `web-smoke.${platform}.js`);
        await run(
          bin("esbuild"),
          [
            "web-smoke.mjs",
            "--bundle",
            "--format=iife",
            `--platform=${platform}`,
            `--conditions=${conditions}`,
            "--main-fields=module,main",
            `--outfile=${out}`,
          ],
          { cwd: project, env },
        );
        const code = readFileSync(out, "utf8");
        // The WebCrypto build, not the node:crypto one.
        expect(code).not.toContain("node:crypto");
        return code;
      };

      it("an edge runtime (edge-runtime, web APIs only) runs the bundled packages", async () => {
        const code = await bundle("neutral", "edge-light,worker,browser");
        writeFileSync(join(tools, "edge-bundle.js"), code);
        cpSync(join(here, "consumers/run-edge.mjs"), join(tools, "run-edge.mjs"));
        const result = lastJsonLine(
          await run(process.execPath, ["run-edge.mjs", "edge-bundle.js"], { cwd: tools, env }),
        );
        expect(result).toEqual({
          invokeHash: vectors.invoke.hash,
          invokeVerified: true,
          tamperedRejected: true,
          callbackHash: vectors.callback.hash,
          headers: '{"Authorization":"Bearer s3\\"cret"}',
        });
      }, 120_000);

      it("Chromium runs the bundled packages", async () => {
        if (!existsSync(CHROMIUM)) {
          if (IN_CI) throw new Error(`${CHROMIUM} is missing (.ci/setup.d/30-chromium.sh installs it)`);
          console.warn(`browser case skipped: install Debian's chromium (${CHROMIUM})`);
          return;
        }
        const code = await bundle("browser", "browser");
        writeFileSync(join(tools, "browser-bundle.js"), code);
        cpSync(join(here, "consumers/run-browser.mjs"), join(tools, "run-browser.mjs"));
        const result = lastJsonLine(
          await run(process.execPath, ["run-browser.mjs", "browser-bundle.js", CHROMIUM], {
            cwd: tools,
            env,
          }),
        );
        expect(result).toEqual({
          invokeHash: vectors.invoke.hash,
          invokeVerified: true,
          tamperedRejected: true,
          callbackHash: vectors.callback.hash,
          headers: '{"Authorization":"Bearer s3\\"cret"}',
        });
      }, 120_000);
    });
  });

  it("a patch changeset on @desk/hash: a new hash version, picked up by a caret consumer and by the packages that depend on it", async () => {
    const before = workspaceVersion("@desk/hash");
    const caret = consumer("hash-caret");
    await npm(caret, ["install", `@desk/hash@^${before}`]);
    expect(installed(caret).find((entry) => entry.name === "@desk/hash")?.version).toBe(before);

    writeFileSync(
      join(workspace, ".changeset/hash-patch-in-test.md"),
      '---\n"@desk/hash": patch\n---\n\nA patch released by the registry test.\n',
    );
    const versioned = await pnpmInCopy(["run", "version-packages"]);
    expect(versioned.code, versioned.stdout + versioned.stderr).toBe(0);
    const after = workspaceVersion("@desk/hash");
    const [major, minor, patch] = before.split(".").map(Number);
    expect(after).toBe(`${major}.${minor}.${patch! + 1}`);
    expect(readFileSync(join(workspace, "packages/hash/CHANGELOG.md"), "utf8")).toContain(
      `## ${after}\n\n### Patch Changes\n\n- `,
    );
    // This time the registry comes from the environment variable: the .npmrc keeps only the token.
    const npmrc = join(workspace, ".npmrc");
    writeFileSync(npmrc, readFileSync(npmrc, "utf8").replace(/^@desk:registry=.*\n/m, ""));
    const released = await pnpmInCopy(["run", "release"], { DESK_REGISTRY: registry });
    expect(released.code, released.stdout + released.stderr).toBe(0);
    expect(Object.keys((await packument("@desk/hash"))!.versions)).toContain(after);

    // The caret consumer picks it up on update.
    await npm(caret, ["update"]);
    expect(installed(caret).find((entry) => entry.name === "@desk/hash")?.version).toBe(after);

    // Every published package that depends on hash admits the new version, so a fresh install of the facade
    // gets it, once.
    const dependents = packages.filter(({ manifest }) => "@desk/hash" in runtimeDependencies(manifest));
    expect(dependents.length).toBeGreaterThan(0);
    for (const { manifest } of dependents) {
      const doc = await packument(manifest.name);
      const latest = doc!.versions[workspaceVersion(manifest.name)]!;
      const range = runtimeDependencies(latest)["@desk/hash"]!;
      const { stdout } = await run(
        process.execPath,
        [
          "-e",
          `console.log(require("semver").satisfies(${JSON.stringify(after)}, ${JSON.stringify(range)}))`,
        ],
        { cwd: tools, env },
      );
      expect(stdout.trim(), `${manifest.name} -> @desk/hash ${range}`).toBe("true");
    }
    const facade = consumer("sdk-after-patch");
    await npm(facade, ["install", "@desk/sdk"]);
    expect(
      installed(facade)
        .filter((entry) => entry.name === "@desk/hash")
        .map((entry) => entry.version),
    ).toEqual([after]);
    expect(undeclared(facade)).toEqual([]);
  }, 900_000);
});
