import { createCommunityClient } from "@community-api/client";
import { createCommunityQueries } from "@community-api/query";
import { QueryClient } from "@tanstack/query-core";

const queryClient = new QueryClient();

/** @param {string} baseUrl @param {string} token */
export function courseUsersQuery(baseUrl, token) {
  const queries = createCommunityQueries(createCommunityClient({ baseUrl, token }));
  return queryClient.fetchQuery(queries.getCourseDashboardUsers(1, { limit: 20 }));
}
