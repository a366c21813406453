// Deterministic course-dashboard members shaped like the spec's CourseUserDashboard, so every
// contender downloads and parses the same realistic bytes.
/** @typedef {import("@community-api/types").CourseUserDashboard} CourseUserDashboard */
/** @typedef {import("@community-api/types").CourseUserDashboardPage} CourseUserDashboardPage */

const STATUSES = /** @type {const} */ (["joined", "manager", "joined", "joined", "creator"]);

/**
 * The i-th member (i >= 0) of a synthetic course.
 * @param {number} i
 * @returns {CourseUserDashboard}
 */
export function dashboardUser(i) {
  const day = String(1 + (i % 28)).padStart(2, "0");
  return {
    id: i + 1,
    username: `member_${i + 1}`,
    real_name: i % 3 === 0 ? "" : `Member Number ${i + 1}`,
    avatar: `https://cdn.example.com/avatars/${i + 1}.png`,
    join_status: STATUSES[i % STATUSES.length] ?? "joined",
    user_completion_rate: (i * 7) % 101,
    last_active_at: i % 4 === 0 ? null : `2026-03-${day}T10:${String(i % 60).padStart(2, "0")}:00Z`,
    joined_at: `2026-01-${day}T08:00:00Z`,
  };
}

/**
 * One page of a course of `count` members, with absolute next/previous links like the API's.
 * @param {{ count: number, offset: number, limit: number, pageUrl: (offset: number) => string }} options
 * @returns {CourseUserDashboardPage}
 */
export function dashboardPage({ count, offset, limit, pageUrl }) {
  const end = Math.min(count, offset + limit);
  const results = [];
  for (let i = offset; i < end; i++) results.push(dashboardUser(i));
  return {
    count,
    next: end < count ? pageUrl(end) : null,
    previous: offset > 0 ? pageUrl(Math.max(0, offset - limit)) : null,
    results,
  };
}
