import {
  ApiError,
  BadRequestError,
  createCommunityClient,
  NotFoundError,
  PermissionDeniedError,
  UnauthorizedError,
} from "@community-api/client";

const baseUrl = process.env.COMMUNITY_API_URL ?? "http://127.0.0.1:4010";
const token = process.env.COMMUNITY_API_TOKEN ?? "course-1-manager";
const client = createCommunityClient({ baseUrl, token });

async function explain(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (error instanceof BadRequestError) {
      console.log("invalid parameter:", error.message); // names the parameter, e.g. `limit`
    } else if (error instanceof UnauthorizedError) {
      console.log("log in again:", error.status); // 401
    } else if (error instanceof PermissionDeniedError || error instanceof NotFoundError) {
      console.log("no access:", error.status); // 403 or 404
    } else if (error instanceof ApiError) {
      console.log("other failure:", error.name, error.status, error.requestId);
    } else {
      throw error; // e.g. the AbortError of your own signal
    }
  }
}

await explain(() => client.getCourseDashboardUsers(1, { limit: 0 }));
await explain(() => createCommunityClient({ baseUrl }).getCourseInvitedUsers(1));

// Raw openapi-fetch calls never throw for an HTTP error: they return { data, error, response }.
const { data, error, response } = await client.GET("/api/v2/course/{id}/users/", {
  params: { path: { id: "1" }, query: { limit: 5 } },
});
console.log(response.status, data?.count ?? error);
