// One way the test servers listen and stop: 127.0.0.1 on a free port, and a close that does not
// wait for the client's keep-alive (or never-ending) connections.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A server listening on 127.0.0.1. */
export interface Listening {
  /** Its origin, `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Drops every connection, then closes the server. */
  close(): Promise<void>;
}

/** Starts `server` on 127.0.0.1 and a free port. */
export async function listenOnLoopback(server: Server): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
