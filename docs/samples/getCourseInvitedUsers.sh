# The first 50 pending invitations to course 1.
curl --get --fail-with-body --silent --show-error \
  "${COMMUNITY_API_URL:-http://127.0.0.1:4010}/api/v2/course/1/invite/" \
  -H "Authorization: Bearer ${COMMUNITY_API_TOKEN:-course-1-manager}" \
  -H "Accept: application/json" \
  --data-urlencode "limit=50" \
  --data-urlencode "offset=0"
