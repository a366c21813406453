// The static server the root job uses to serve the docs beside the mock.

import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDocs } from "../scripts/serve.mjs";
import { docsDir } from "./paths.js";
import { run } from "./run.js";

const root = mkdtempSync(join(tmpdir(), "docs-serve-test-"));
const site = join(root, "site");
mkdirSync(site);
writeFileSync(join(site, "index.html"), "<!doctype html><title>docs</title>");
writeFileSync(join(site, "openapi.json"), '{"openapi":"3.1.0"}');
writeFileSync(join(root, "secret.txt"), "outside the site");

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A raw GET, so paths like `/../x` reach the server as written (fetch would normalize them). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(url), { path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("serveDocs", () => {
  let server: { url: string; stop: () => Promise<void> };
  beforeAll(async () => {
    server = await serveDocs({ port: 0, host: "127.0.0.1", root: site });
  });
  afterAll(() => server.stop());

  it("serves index.html at / and files with their content type", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await index.text()).toContain("<title>docs</title>");
    const spec = await fetch(new URL("openapi.json?v=1", server.url));
    expect(spec.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await spec.json()).toEqual({ openapi: "3.1.0" });
  });

  it("answers 404 for missing files and never serves files outside its root", async () => {
    expect((await fetch(new URL("nope.html", server.url))).status).toBe(404);
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"]) {
      const response = await rawGet(server.url, path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain("outside the site");
    }
  });

  it("answers HEAD without a body and rejects other methods", async () => {
    const head = await fetch(server.url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("34");
    const post = await fetch(server.url, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("node scripts/serve.mjs", () => {
  it("refuses to start without a built site", async () => {
    const result = await run(
      process.execPath,
      ["scripts/serve.mjs", "--port", "0", "--root", root],
      {
        cwd: docsDir,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no built site");
  });

  it("serves on the given port until it gets SIGTERM", async () => {
    const child = spawn(process.execPath, ["scripts/serve.mjs", "--port", "0", "--root", site], {
      cwd: docsDir,
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding("utf8").on("data", (line: string) => {
          const match = /serving (http:\S+)/.exec(line);
          if (match?.[1]) resolve(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`serve.mjs exited with ${code}`)));
      });
      expect((await fetch(url)).status).toBe(200);
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
