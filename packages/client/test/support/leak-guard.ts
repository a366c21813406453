// Watches a fault-test file for what must never happen: an unhandled rejection, an uncaught
// exception, or the bearer token showing up in anything a user could print or log. Every
// error a test catches is handed to `keep`; after the file, each one is rendered every way a
// user might render it and scanned for the token, together with everything written to console.*.
import { format, inspect } from "node:util";
import { afterAll, afterEach, beforeAll, expect, type RunnerTask } from "vitest";

/** A token no server, message or log has any reason to contain. */
export const SECRET_TOKEN = "s3cr3t-b34r3r-7f9c2e";

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;

/** Every way a user might turn an error into text. */
export function renderings(error: unknown): string[] {
  const texts = [
    String(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY }),
    inspect(error, { depth: 8, showHidden: true }),
    JSON.stringify(error) ?? "",
  ];
  // The cause chain too: stacks and messages of each link, as loggers print them.
  for (let link = error, depth = 0; link instanceof Error && depth < 10; depth++) {
    texts.push(link.message, link.stack ?? "", JSON.stringify(link) ?? "");
    link = link.cause;
  }
  return texts;
}

/** The renderings of `error` that contain `secret`. */
export function leaksOf(error: unknown, secret: string): string[] {
  return renderings(error).filter((text) => text.includes(secret));
}

export interface LeakGuard {
  /** Records a caught error for the final scan and returns it. */
  keep<E>(error: E): E;
}

/**
 * Registers the hooks for the calling test file. `minimumErrors` guards the guard: a scan of
 * nothing would pass whatever the client did.
 */
export function guardAgainstLeaks(secret: string, minimumErrors: number): LeakGuard {
  const kept: unknown[] = [];
  const logged: string[] = [];
  const unhandled: string[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(inspect(reason));
  const originals = new Map<(typeof CONSOLE_METHODS)[number], (...args: unknown[]) => void>();

  beforeAll(() => {
    process.on("unhandledRejection", onUnhandled);
    process.on("uncaughtException", onUnhandled);
    for (const method of CONSOLE_METHODS) {
      const original = console[method];
      originals.set(method, original);
      console[method] = (...args: unknown[]) => {
        logged.push(format(...args));
        original.apply(console, args);
      };
    }
  });

  let fileTasks: readonly RunnerTask[] = [];
  afterEach(({ task }) => {
    fileTasks = task.file.tasks;
  });

  afterAll(async () => {
    // A rejection nobody handled is reported on a later turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off("unhandledRejection", onUnhandled);
    process.off("uncaughtException", onUnhandled);
    for (const [method, original] of originals) console[method] = original;

    expect(unhandled, "unhandled rejections or uncaught exceptions").toEqual([]);
    // A filtered run (-t) legitimately catches fewer errors.
    if (allTests(fileTasks).every((test) => test.mode === "run")) {
      expect(kept.length, "errors scanned for the token").toBeGreaterThanOrEqual(minimumErrors);
    }
    // The scanner itself must be able to see a token where there is one.
    expect(leaksOf(new Error("x", { cause: new Error(secret) }), secret)).not.toEqual([]);
    const leaks = kept.flatMap((error) => leaksOf(error, secret));
    expect(leaks, "renderings of caught errors that contain the token").toEqual([]);
    expect(
      logged.filter((line) => line.includes(secret)),
      "console output that contains the token",
    ).toEqual([]);
  });

  return {
    keep(error) {
      kept.push(error);
      return error;
    },
  };
}

function allTests(tasks: readonly RunnerTask[]): RunnerTask[] {
  return tasks.flatMap((task) => ("tasks" in task ? allTests(task.tasks) : [task]));
}

/** The rejection reason of `promise`; fails the test if it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  return expect.unreachable(`expected a rejection, got ${inspect(value, { depth: 2 })}`);
}
