// A consumer's ESM file: resolves the package by name through its exports map (import -> .d.ts).
import {
  type CourseUserDashboardPage,
  createCommunityClient,
  NotFoundError,
} from "@community-api/client";

const client = createCommunityClient({ baseUrl: "https://community.example.com", token: "t" });
export const page: Promise<CourseUserDashboardPage> = client.getCourseDashboardUsers(1);
export const status: 404 = new NotFoundError("x", 404).status;
