#!/usr/bin/env node
// The `desk-emulator` bin: all logic lives in ./cli/main.ts so tests can run it in-process.
import { createProcessIo } from "./cli/create-process-io.js";
import { main } from "./cli/main.js";

process.exitCode = await main(process.argv.slice(2), createProcessIo());
