// pnpm hooks for this workspace. Only `beforePacking` (pnpm pack and pnpm publish, so every release): the
// published manifest keeps what a user's package manager and bundler read, and drops what only this repository
// uses. npm pack has no such hook, so a tarball made with npm keeps these fields (harmless, but noise).
const REPOSITORY_ONLY_FIELDS = ["scripts", "devDependencies", "size-limit"];

module.exports = {
  hooks: {
    beforePacking(manifest) {
      for (const field of REPOSITORY_ONLY_FIELDS) delete manifest[field];
      return manifest;
    },
  },
};
