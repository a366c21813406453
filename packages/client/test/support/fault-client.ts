// The client as the fault tests build it: pointed at one of their servers, sending the secret
// token the leak guard looks for. Every other option is the test's to state.
import {
  type CommunityClient,
  type CommunityClientOptions,
  createCommunityClient,
} from "@community-api/client";
import { SECRET_TOKEN } from "./leak-guard.js";

/** A client of `server` with `SECRET_TOKEN`; `options` add to that or override it. */
export function clientOf(
  server: { readonly url: string },
  options: Omit<CommunityClientOptions, "baseUrl"> = {},
): CommunityClient {
  return createCommunityClient({ baseUrl: server.url, token: SECRET_TOKEN, ...options });
}
