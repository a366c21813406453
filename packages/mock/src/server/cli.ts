#!/usr/bin/env node
// community-api-mock: starts the mock and stops it (Prism included) on SIGINT/SIGTERM.
import { parseArgs } from "node:util";
import { createDataset } from "../kit/dataset.js";
import { OPERATIONS } from "../kit/generated/operations.js";
import { indexDataset } from "../kit/lists.js";
import { MAX_DELAY_MS } from "../kit/scenarios.js";
import { type TokenGrant, testToken, tokenGuide } from "../kit/tokens.js";
import { packageVersion } from "./package-files.js";
import { SCENARIOS_PATH } from "./staging.js";
import { MOCK_MODES, type MockMode, type RunningMock, startMock } from "./start-mock.js";

const HELP = `Usage: community-api-mock [options]

A mock of the community REST API v2 (course and event member lists).

Options:
  -p, --port <n>        port to listen on, 0 = any free port (default 4010)
      --host <host>     interface to listen on (default 127.0.0.1)
  -m, --mode <mode>     realistic | static | dynamic (default realistic)
  -s, --seed <n>        dataset seed (realistic) or Prism's generator seed (dynamic) (default 1)
      --delay <ms>      delay every API answer, for loading states (default 0, at most ${MAX_DELAY_MS})
  -q, --quiet           do not print Prism's violation log
      --outlive-parent  keep running after the process that started it exits (by default
                        the mock then stops, so that no orphan keeps the port)
  -h, --help            show this help
  -v, --version         show the version
`;

function fail(message: string): never {
  process.stderr.write(`community-api-mock: ${message}\n\n${HELP}`);
  process.exit(2);
}

function integer(name: string, value: string, min: number, max: number): number {
  if (!/^[0-9]+$/.test(value) || Number(value) < min || Number(value) > max) {
    fail(`--${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

/** The sample request of the banner: the spec's first list operation, on id 1, with a token it accepts. */
const [tryOp] = Object.values(OPERATIONS);
const tryPath = tryOp?.path.replace(/\{[^}]+\}/, "1") ?? "/";
const tryToken = tryOp
  ? testToken({
      resource: tryOp.roles.resource,
      id: 1,
      role: tryOp.roles.roles.at(-1),
    } as TokenGrant)
  : "";

function banner(url: string, mode: MockMode, seed: number, prismPid: number): string {
  const tokens =
    mode === "realistic"
      ? `Test tokens (Authorization: Bearer <token>):\n${tokenGuide(
          indexDataset(createDataset({ seed })).ids,
        )
          .map((line) => `  ${line}`)
          .join("\n")}`
      : "Tokens: Prism only checks that a bearer token is present (roles are not modelled).";
  return `community-api mock (${mode}${mode === "static" ? "" : `, seed ${seed}`}) listening on ${url}
  Prism pid ${prismPid} validates every request and response against the bundled spec
  health: ${url}/health
  staged errors and delays: Prefer: code=503 (or delay=2000) on a request, or ${url}${SCENARIOS_PATH}

${tokens}

Try:
  curl -H 'Authorization: Bearer ${tryToken}' '${url}${tryPath}?limit=5'

Stop with Ctrl+C.
`;
}

function parse() {
  try {
    return parseArgs({
      options: {
        port: { type: "string", short: "p", default: "4010" },
        host: { type: "string", default: "127.0.0.1" },
        mode: { type: "string", short: "m", default: "realistic" },
        seed: { type: "string", short: "s", default: "1" },
        delay: { type: "string", default: "0" },
        quiet: { type: "boolean", short: "q", default: false },
        "outlive-parent": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  const values = parse();
  if (values.help) return void process.stdout.write(HELP);
  if (values.version) return void process.stdout.write(`${packageVersion()}\n`);
  const mode = values.mode as MockMode;
  if (!MOCK_MODES.includes(mode)) fail(`--mode must be one of ${MOCK_MODES.join(", ")}`);
  const port = integer("port", values.port, 0, 65535);
  const seed = integer("seed", values.seed, 0, 2 ** 32 - 1);
  const delayMs = integer("delay", values.delay, 0, MAX_DELAY_MS);

  // Signals are handled from the start: one that arrives while Prism starts is acted on as
  // soon as there is something to stop.
  let mock: RunningMock | undefined;
  let stopping = false;
  const shutdown = (running: RunningMock, code: number) =>
    running.stop().then(
      () => process.exit(code),
      (error: unknown) => {
        process.stderr.write(`community-api-mock: ${String(error)}\n`);
        process.exit(1);
      },
    );
  let stoppingSince = 0;
  const stop = (why: string) => {
    stopping = true;
    stoppingSince = Date.now();
    process.stdout.write(`\n${why}: stopping Prism and the mock...\n`);
    if (mock) void shutdown(mock, 0);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // A second Ctrl+C stops waiting. Not the same one twice: under `pnpm mock` the terminal
    // signals the whole process group and pnpm forwards it again a moment later.
    if (stopping) {
      if (Date.now() - stoppingSince > 1_000) process.exit(1);
      return;
    }
    stop(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // Whoever started us may go away without a word: `npx community-api-mock & kill $!` signals
  // npm, not us, and a SIGKILLed parent signals nobody. We are then re-parented (ppid changes):
  // stop as on SIGTERM, so that no orphan keeps the port and the next run finds it free.
  const parent = process.ppid;
  if (!values["outlive-parent"]) {
    const watch = setInterval(() => {
      if (process.ppid === parent) return;
      clearInterval(watch);
      if (!stopping) stop(`the process that started it (pid ${parent}) exited`);
    }, 250);
    watch.unref();
  }
  // With the parent gone, a pipe on stdout or stderr may have no reader left (EPIPE): that must
  // not crash the mock before it has stopped Prism.
  process.stdout.on("error", () => {});
  process.stderr.on("error", () => {});

  mock = await startMock({
    port,
    host: values.host,
    mode,
    seed,
    delayMs,
    log: (line) => {
      if (!values.quiet) process.stderr.write(`${line}\n`);
    },
  });
  if (stopping) return void shutdown(mock, 0);
  process.stdout.write(banner(mock.url, mode, seed, mock.prismPid));
  const running = mock;
  void running.finished.then((finish) => {
    if (finish.reason !== "prism-exited") return;
    process.stderr.write(`community-api-mock: Prism exited (${finish.detail}); stopping.\n`);
    void shutdown(running, 1);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `community-api-mock: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
