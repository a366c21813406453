// A consumer's CommonJS module: `require` gets the CommonJS builds of the installed tarballs.
// Calls the mock started from its tarball (COMMUNITY_API_URL) and the mock's in-process kit,
// and prints what it saw as one JSON line.
const {
  createCommunityClient,
  PermissionDeniedError,
  SPEC_SHA256,
} = require("@community-api/client");
const { startMock, TEST_TOKENS } = require("@community-api/mock");
const { createMockFetch } = require("@community-api/mock/kit");

async function main() {
  const baseUrl = process.env.COMMUNITY_API_URL;
  let refused;
  try {
    const member = createCommunityClient({ baseUrl, token: TEST_TOKENS.courseMember });
    await member.getCourseDashboardUsers(1);
  } catch (error) {
    refused = error instanceof PermissionDeniedError ? error.status : String(error);
  }

  const events = createCommunityClient({ baseUrl, token: TEST_TOKENS.eventManager });
  const eventPage = await events.getEventInvitedUsers(1, { limit: 2 });

  // The same query over HTTP and in process (no server): the same seeded data.
  const query = { limit: 4, ordering: "joined_at", statuses: "joined" };
  const http = createCommunityClient({ baseUrl, token: TEST_TOKENS.courseManager });
  const kit = createCommunityClient({
    baseUrl: "https://community.example.com",
    token: TEST_TOKENS.courseManager,
    fetch: createMockFetch({ seed: 1 }),
  });
  const overHttp = await http.getCourseDashboardUsers(1, query);
  const inProcess = await kit.getCourseDashboardUsers(1, query);

  console.log(
    JSON.stringify({
      resolved: require.resolve("@community-api/client"),
      refused,
      eventResults: eventPage.results.length,
      eventNext: eventPage.next,
      httpIds: overHttp.results.map((user) => user.id),
      kitIds: inProcess.results.map((user) => user.id),
      kitNext: inProcess.next,
      startMock: typeof startMock,
      specSha256: SPEC_SHA256,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
