// A consumer's TypeScript (CommonJS): `require` resolves the packages' .d.cts declarations.
import client = require("@community-api/client");
import mock = require("@community-api/mock");
import kit = require("@community-api/mock/kit");

const c = client.createCommunityClient({
  baseUrl: "https://community.example.com",
  token: mock.TEST_TOKENS.courseManager,
  fetch: kit.createMockFetch({ seed: 1 }),
});
const page: Promise<client.CourseUserDashboardPage> = c.getCourseDashboardUsers(1);
const running: Promise<mock.RunningMock> = mock.startMock({ port: 0 });
export = { page, running };
