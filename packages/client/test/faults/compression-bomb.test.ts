// The client against compression bombs: about 1 MB of gzip or deflate that inflates to 1 GiB,
// with status 200, with an error status (openapi-fetch reads error bodies itself), after a
// redirect, through a raw `client.GET` and mid-pagination. Each call ends in a
// ResponseTooLargeError naming the limit, never a NetworkError, and reads no more than the limit:
// in a fresh child process the peak resident memory stays far below the 1 GiB it would take.
// (Without the limit, Node 20 peaked at 2.1 GB and failed with "Cannot create a string longer
// than …".)
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ApiError, NetworkError, ResponseTooLargeError } from "@community-api/client";
import { beforeAll, describe, expect, it } from "vitest";
import { outputOf } from "../../../../tests/test/support/child-output.js";
import { rssBytes } from "../../../../tests/test/support/processes.js";
import {
  invitedUser,
  page,
  type Reply,
  sendJson,
  useChaosServer,
} from "../support/chaos-server.js";
import { compressionBomb, type Encoding, sendBomb } from "../support/compression-bomb.js";
import { clientOf } from "../support/fault-client.js";
import { guardAgainstLeaks, rejectionOf, SECRET_TOKEN } from "../support/leak-guard.js";

const leaks = guardAgainstLeaks(SECRET_TOKEN, 11);

const DEFAULT_LIMIT = 16 * 1024 * 1024;
const ENCODINGS = ["gzip", "deflate"] as const;
const bombs = new Map<Encoding, Buffer>();

const server = useChaosServer();
beforeAll(async () => {
  for (const encoding of ENCODINGS) bombs.set(encoding, await compressionBomb(encoding));
});

const bomb = (encoding: Encoding) => bombs.get(encoding) as Buffer;

/** How each case answers: the bomb with a status, or a redirect to it. */
function bombReply(encoding: Encoding, status: number | "redirect"): Reply {
  return (req, res) => {
    if (status !== "redirect") return sendBomb(res, status, encoding, bomb(encoding));
    if (req.url?.startsWith("/moved/")) return sendBomb(res, 200, encoding, bomb(encoding));
    res.writeHead(302, { location: `/moved${req.url}` });
    res.end();
  };
}

const CASES = [
  ["status 200", 200, 200],
  ["status 400 (an error body, read by openapi-fetch)", 400, 400],
  ["status 500, not retried", 500, 500],
  ["a redirect to it", "redirect", 200],
] as const;

const clientFor = (options = {}) => clientOf(server, { maxRetries: 0, ...options });

describe.each(ENCODINGS)("a %s bomb (1 MB that inflates to 1 GiB)", (encoding) => {
  it.each(CASES)("with %s: a ResponseTooLargeError naming the limit", async (_, status, seen) => {
    server.reply = bombReply(encoding, status);
    const received = server.received.length;
    const started = performance.now();

    const error = leaks.keep(await rejectionOf(clientFor().getCourseDashboardUsers(1)));

    expect(error, `got ${String(error)}`).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      name: "ResponseTooLargeError",
      status: seen,
      body: undefined,
      operationId: "getCourseDashboardUsers",
      message: `getCourseDashboardUsers failed: the HTTP ${seen} response body is larger than maxResponseSize (${DEFAULT_LIMIT} bytes)`,
    });
    // One attempt (two requests with the redirect), in seconds rather than the minute it took.
    expect(server.received.length - received).toBe(status === "redirect" ? 2 : 1);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it("through a raw client.GET: the same typed error", async () => {
    server.reply = bombReply(encoding, 200);
    const raw = clientFor().GET("/api/v2/course/{id}/users/", { params: { path: { id: "1" } } });
    const error = leaks.keep(await rejectionOf(raw));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toBe(
      `request failed: the HTTP 200 response body is larger than maxResponseSize (${DEFAULT_LIMIT} bytes)`,
    );
  });
});

it("mid-pagination, with the iterator's own limit: stops at the page that is too large", async () => {
  server.reply = (_, res, index) =>
    index % 2 === 0
      ? sendJson(res, 200, page([invitedUser(1)], `${server.url}/x/?limit=1&offset=1`, 2))
      : sendBomb(res, 200, "gzip", bomb("gzip"));
  const seen: number[] = [];
  const iterate = async () => {
    const users = clientFor().paginate.courseInvitedUsers(1, { maxResponseSize: 1024 * 1024 });
    for await (const user of users) seen.push(user.id);
  };

  const error = leaks.keep(await rejectionOf(iterate()));

  expect(seen).toEqual([1]);
  expect(error).toBeInstanceOf(ResponseTooLargeError);
  expect((error as Error).message).toContain("getCourseInvitedUsers failed");
  expect((error as Error).message).toContain("maxResponseSize (1048576 bytes)");
});

it("a bomb in a redirect's own body is never inflated: the call gets the page it points at", async () => {
  server.reply = (req, res) => {
    if (req.url?.startsWith("/moved/")) return sendJson(res, 200, page([invitedUser(7)]));
    sendBomb(res, 302, "gzip", bomb("gzip"), { location: `/moved${req.url}` });
  };
  const got = await clientFor({ maxResponseSize: 1024 }).getCourseInvitedUsers(1);
  expect(got.results).toEqual([invitedUser(7)]);
});

describe("memory, in a fresh child process with the built client", () => {
  const childScript = fileURLToPath(new URL("../support/read-bomb-child.mjs", import.meta.url));
  /** Peak RSS above which the parent kills the child: the machine is shared. */
  const WATCHDOG = 600 * 1024 * 1024;

  interface ChildResult {
    name?: string;
    status?: number;
    message?: string;
    ms: number;
    maxRssBytes: number;
  }

  /** Runs one call in a child; kills it if its RSS passes the watchdog. */
  async function inChild(args: string[]): Promise<ChildResult> {
    const child = spawn(process.execPath, [childScript, server.url, ...args], {
      env: { ...process.env, COMMUNITY_API_TOKEN: SECRET_TOKEN },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output = outputOf(child);
    let killed = false;
    const watchdog = setInterval(() => {
      try {
        if (child.pid && rssBytes(child.pid) > WATCHDOG) {
          killed = true;
          child.kill("SIGKILL");
        }
      } catch {
        // gone between two looks
      }
    }, 20);
    const { code, stdout, stderr } = await output.finally(() => clearInterval(watchdog));
    expect(killed, `the child passed ${WATCHDOG} bytes of RSS`).toBe(false);
    expect(code, stderr).toBe(0);
    return JSON.parse(stdout) as ChildResult;
  }

  const MB = 1024 * 1024;

  it.each([
    // One of each way the body is read: by the named method, by openapi-fetch (an error body, a
    // raw call's), after fetch followed a redirect.
    ["gzip", 200, "named"],
    ["deflate", 400, "named"],
    ["gzip", "redirect", "named"],
    ["deflate", 200, "raw"],
  ] as const)(
    "a %s bomb with %s (%s call): peak RSS under 200 MB, a typed error within seconds",
    async (encoding, status, how) => {
      server.reply = bombReply(encoding, status);
      const result = await inChild([how]);
      console.info(
        `${encoding} ${status} ${how}: ${result.name} after ${Math.round(result.ms)} ms, peak RSS ${Math.round(result.maxRssBytes / MB)} MB`,
      );
      expect(result.name).toBe("ResponseTooLargeError");
      expect(result.message).toContain(`maxResponseSize (${DEFAULT_LIMIT} bytes)`);
      expect(result.message).not.toContain(SECRET_TOKEN);
      expect(result.maxRssBytes).toBeLessThan(200 * MB);
      expect(result.ms).toBeLessThan(10_000);
    },
  );

  it("the measure can fail: with a 192 MiB limit the same child passes 200 MB", async () => {
    server.reply = bombReply("gzip", 200);
    const wide = await inChild(["named", String(192 * MB)]);
    console.info(`gzip 200 with a 192 MiB limit: peak RSS ${Math.round(wide.maxRssBytes / MB)} MB`);
    expect(wide.name).toBe("ResponseTooLargeError");
    expect(wide.maxRssBytes).toBeGreaterThan(200 * MB);
  });
});
