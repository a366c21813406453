#!/bin/sh
# A bad day staged on the HTTP mock (`pnpm mock`, or `npx community-api-mock`): any client, any language.
set -eu
base="${COMMUNITY_API_URL:-http://127.0.0.1:4010}"
base="${base%/}"
auth="Authorization: Bearer ${COMMUNITY_API_TOKEN:-course-1-manager}"
users="$base/api/v2/course/1/users/?limit=1"

# One request: a 429 with Retry-After: 2 (Prefer: code=..., as Prism users know it).
curl -s -o /dev/null -w '%{http_code}, retry-after: %header{retry-after}\n' \
  -H "$auth" -H 'Prefer: code=429, retry-after=2' "$users"
# One request, one second late (Prefer: delay=<ms>; the mock's --delay <ms> slows every one).
curl -s -o /dev/null -w '%{http_code}\n' -H "$auth" -H 'Prefer: delay=1000' "$users"

# The next two requests, whoever sends them (the app under test): 503, then normal answers.
curl -s -o /dev/null -X POST "$base/__mock/scenarios" \
  -d '{"operationId":"getCourseDashboardUsers","status":503,"times":2,"retryAfter":1}'
for attempt in 1 2 3; do
  curl -s -o /dev/null -w '%{http_code}\n' -H "$auth" "$users"
done
curl -s "$base/__mock/scenarios" && echo             # what is left: none
curl -s -X DELETE "$base/__mock/scenarios" && echo   # clear them between tests
