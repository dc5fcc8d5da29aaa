#!/usr/bin/env node
// The `desk-emulator` bin as package managers link it. It is a file of the repository, not of the build, so a
// workspace install (which links bins before anything is built) finds it and never warns; it runs the built CLI.
import "../dist/cli.js";
