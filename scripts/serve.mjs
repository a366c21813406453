// The main job's last step: serve the realistic mock API and the reference docs on localhost,
// print how to use them, and stop both cleanly on Ctrl-C (SIGINT) or SIGTERM.
//   node scripts/serve.mjs [--mock-port 4010] [--docs-port 8080] [--example-port 5173] [--host 127.0.0.1]
// The built mock of this workspace (the root does not depend on workspace packages: that would
// fold their files into every turbo task hash).

import { serveDocs } from "../docs/scripts/serve.mjs";
import {
  EXAMPLE_PORT,
  exampleUrl,
  serveExample,
} from "../examples/course-dashboard/scripts/serve.mjs";
import { startMock, TEST_TOKENS } from "../packages/mock/dist/index.js";

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const host = option("--host", "127.0.0.1");
const mockPort = Number(option("--mock-port", 4010));
const docsPort = Number(option("--docs-port", 8080));
const examplePort = Number(option("--example-port", EXAMPLE_PORT));

const mock = await startMock({ host, port: mockPort, mode: "realistic" });
let docs;
let example;
try {
  docs = await serveDocs({ host, port: docsPort });
  example = await serveExample({ host, port: examplePort });
} catch (error) {
  await Promise.allSettled([mock.stop(), docs?.stop()]);
  throw error;
}

console.log(`
  Mock API (realistic, Prism-validated)  ${mock.url}
  Reference docs                          ${docs.url}
  Example app (course dashboard)          ${exampleUrl(example.url, mock.url)}

  Test tokens: ${Object.entries(TEST_TOKENS)
    .map(([name, token]) => `${name}=${token}`)
    .join("  ")}
  Try:
    curl -H "Authorization: Bearer ${TEST_TOKENS.courseManager}" "${mock.url}/api/v2/course/1/users/?limit=2"

  Ctrl-C stops everything.
`);
console.log("ready");

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the mock and the docs server...`);
  await Promise.allSettled([mock.stop(), docs.stop(), example.stop()]);
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
