// Your extension's vitest config: the tests beside it.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["*.test.ts"] } });
