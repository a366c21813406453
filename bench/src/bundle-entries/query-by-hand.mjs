import { createCommunityClient } from "@community-api/client";
import { QueryClient } from "@tanstack/query-core";

const queryClient = new QueryClient();

/** @param {string} baseUrl @param {string} token */
export function courseUsersQuery(baseUrl, token) {
  const client = createCommunityClient({ baseUrl, token });
  return queryClient.fetchQuery({
    queryKey: ["course-users", baseUrl, 1],
    queryFn: ({ signal }) => client.getCourseDashboardUsers(1, { limit: 20 }, { signal }),
  });
}
