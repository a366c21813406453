// A consumer's TypeScript (ES module), type-checked against the installed tarballs under
// `moduleResolution` node16 and bundler. Never run: the scripts next to it run the same calls.
import {
  ApiError,
  type CommunityClientOptions,
  type CourseUserDashboardPage,
  createCommunityClient,
  type InvitedUser,
  NotFoundError,
  PermissionDeniedError,
  SPEC_SHA256,
} from "@community-api/client";
import { type RunningMock, startMock, TEST_TOKENS, testToken } from "@community-api/mock";
import { createMockFetch } from "@community-api/mock/kit";
import type { DashboardOrdering, JoinStatus } from "@community-api/types";

const statuses: JoinStatus[] = ["joined", "manager"];
const ordering: DashboardOrdering = "-last_active_at";

export async function activeMembers(mock: RunningMock): Promise<CourseUserDashboardPage> {
  const options: CommunityClientOptions = {
    baseUrl: mock.url,
    token: async () => testToken({ resource: "course", id: 1, role: "manager" }),
    maxRetries: 0,
    timeout: 5_000,
  };
  const client = createCommunityClient(options);
  try {
    return await client.getCourseDashboardUsers(1, { limit: 20, statuses, ordering, search: "an" });
  } catch (error) {
    if (error instanceof NotFoundError) {
      const status: 404 = error.status;
      throw new Error(`no course 1 (${status})`);
    }
    if (error instanceof PermissionDeniedError || error instanceof ApiError) throw error;
    throw error;
  }
}

export async function everyInvitedUser(): Promise<InvitedUser[]> {
  const client = createCommunityClient({
    baseUrl: "https://community.example.com",
    token: TEST_TOKENS.eventManager,
    fetch: createMockFetch({ seed: 1 }),
  });
  const users: InvitedUser[] = [];
  for await (const user of client.paginate.eventInvitedUsers(1, { pageSize: 50 })) users.push(user);
  for await (const page of client.pages.courseDashboardUsers(1, { statuses: "creator" })) {
    console.log(page.count, page.results[0]?.user_completion_rate);
  }
  const { data, error, response } = await client.GET("/api/v2/course/{id}/users/", {
    params: { path: { id: "1" }, query: { limit: 5 } },
  });
  console.log(response.status, data?.count, error, SPEC_SHA256);
  return users;
}

export const started: Promise<RunningMock> = startMock({ port: 0, mode: "realistic", seed: 1 });
