// Compression bombs: about 1 MB of gzip or deflate that inflates to 1 GiB, as a hostile server
// or a broken proxy could send them, with the headers that make fetch inflate them.
import type { ServerResponse } from "node:http";
import { constants, createDeflate, createGzip } from "node:zlib";

export type Encoding = "gzip" | "deflate";

/** What a bomb inflates to: 1 GiB. */
export const INFLATED_SIZE = 1024 ** 3;

/**
 * 1 GiB of spaces, compressed (about 1,043,660 bytes either way). Run-length encoding makes the
 * same ~1,030:1 ratio as level 9 in a fraction of the time (under a second here).
 */
export async function compressionBomb(encoding: Encoding): Promise<Buffer> {
  const options = { level: 9, strategy: constants.Z_RLE };
  const zlib = encoding === "gzip" ? createGzip(options) : createDeflate(options);
  const chunks: Buffer[] = [];
  zlib.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => zlib.on("end", resolve).on("error", reject));
  const mebibyte = Buffer.alloc(1024 * 1024, " ");
  for (let written = 0; written < INFLATED_SIZE; written += mebibyte.length) {
    if (!zlib.write(mebibyte)) await new Promise((resolve) => zlib.once("drain", resolve));
  }
  zlib.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Sends `bomb` as a JSON body with its `Content-Encoding` and its (compressed) length. */
export function sendBomb(
  res: ServerResponse,
  status: number,
  encoding: Encoding,
  bomb: Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "content-encoding": encoding,
    "content-length": bomb.length,
    ...headers,
  });
  res.end(bomb);
}
