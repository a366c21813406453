# Members of course 1 with their progress, most recently active first.
# --get turns each --data-urlencode into a percent-encoded query parameter, so `statuses`
# goes out as ONE parameter: statuses=%5B%22joined%22%2C%22manager%22%5D
curl --get --fail-with-body --silent --show-error \
  "${COMMUNITY_API_URL:-http://127.0.0.1:4010}/api/v2/course/1/users/" \
  -H "Authorization: Bearer ${COMMUNITY_API_TOKEN:-course-1-manager}" \
  -H "Accept: application/json" \
  --data-urlencode "limit=20" \
  --data-urlencode 'statuses=["joined","manager"]' \
  --data-urlencode "ordering=-last_active_at"
