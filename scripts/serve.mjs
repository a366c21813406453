// The main job's last step: serve the realistic mock API and the reference docs on localhost,
// print how to use them, and stop both cleanly on Ctrl-C (SIGINT) or SIGTERM.
//   node scripts/serve.mjs [--mock-port 4010] [--docs-port 8080] [--example-port 5173] [--host 127.0.0.1]
// The built mock of this workspace (the root does not depend on workspace packages: that would
// fold their files into every turbo task hash).
// What goes wrong for a first user (an unsupported Node, a port in use) ends in one line that
// says what to change, and exit 1: no stack trace.

import { createRequire } from "node:module";
import { createServer } from "node:net";

const { unsupportedNode } = createRequire(import.meta.url)("./check-node.cjs");
const unsupported = unsupportedNode();
if (unsupported) {
  console.error(unsupported);
  process.exit(1);
}

// Loaded only on a supported Node (static imports would run before the check above).
const { serveDocs } = await import("../docs/scripts/serve.mjs");
const { EXAMPLE_PORT, exampleUrl, serveExample } = await import(
  "../examples/course-dashboard/scripts/serve.mjs"
);
const { startMock, TEST_TOKENS } = await import("../packages/mock/dist/index.js");

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const host = option("--host", "127.0.0.1");
const mockPort = Number(option("--mock-port", 4010));
const docsPort = Number(option("--docs-port", 8080));
const examplePort = Number(option("--example-port", EXAMPLE_PORT));

/** A server that could not listen: the one line to print instead of a stack trace. */
class PortUnavailable extends Error {}

/** Starts one server; a port in use (or not ours to bind) becomes a PortUnavailable naming its flag. */
async function listen(what, port, flag, start) {
  try {
    return await start();
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error)?.code;
    if (code !== "EADDRINUSE" && code !== "EACCES") throw error;
    const why = code === "EADDRINUSE" ? "is in use" : "is not allowed";
    throw new PortUnavailable(
      `Port ${port} on ${host} ${why}, so the ${what} cannot start: free it, or choose another port with ${flag} <port>.`,
    );
  }
}

/** Binds and releases `port` (unless 0) as the server would, to fail before anything starts. */
function probe(what, port, flag) {
  if (port === 0) return Promise.resolve();
  return listen(
    what,
    port,
    flag,
    () =>
      new Promise((resolve, reject) => {
        const server = createServer();
        server.once("error", reject);
        server.listen(port, host, () => server.close(resolve));
      }),
  );
}

const started = [];
let mock;
let docs;
let example;
try {
  // All three ports first: a busy one is reported at once, before Prism starts. The servers'
  // own errors below still catch a port taken in between.
  await probe("mock API", mockPort, "--mock-port");
  await probe("docs server", docsPort, "--docs-port");
  await probe("example app", examplePort, "--example-port");
  mock = await listen("mock API", mockPort, "--mock-port", () =>
    startMock({ host, port: mockPort, mode: "realistic" }),
  );
  started.push(mock);
  docs = await listen("docs server", docsPort, "--docs-port", () =>
    serveDocs({ host, port: docsPort }),
  );
  started.push(docs);
  example = await listen("example app", examplePort, "--example-port", () =>
    serveExample({ host, port: examplePort }),
  );
  started.push(example);
} catch (error) {
  await Promise.allSettled(started.map((server) => server.stop()));
  if (!(error instanceof PortUnavailable)) throw error;
  console.error(error.message);
  process.exit(1);
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
  console.log(`\n${signal}: stopping the mock, the docs server and the example app...`);
  await Promise.allSettled(started.map((server) => server.stop()));
  console.log("Everything stopped.");
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
