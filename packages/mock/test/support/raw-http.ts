// Raw HTTP over node:net, for requests fetch will not send: malformed heads, `//host` targets,
// absolute-form targets, no Host header.
import { connect } from "node:net";

export interface RawAnswer {
  readonly status: number;
  readonly head: string;
  readonly body: string;
}

/**
 * Sends `text` (latin1 bytes, sent as written) to 127.0.0.1:`port` and reads the answer until
 * the server closes the connection (send `Connection: close` or a request the server refuses).
 */
export function rawRequest(port: number, text: string, timeoutMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, "127.0.0.1", () => socket.write(Buffer.from(text, "latin1")));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within ${timeoutMs} ms to ${JSON.stringify(text)}`));
    }, timeoutMs);
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", () => {}); // a reset after the answer: what was read is judged below
    socket.on("close", () => {
      clearTimeout(timer);
      const answer = Buffer.concat(chunks).toString("utf8");
      const split = answer.indexOf("\r\n\r\n");
      const head = split < 0 ? answer : answer.slice(0, split);
      resolve({
        status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0),
        head,
        body: split < 0 ? "" : answer.slice(split + 4),
      });
    });
  });
}
