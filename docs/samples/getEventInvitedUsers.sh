# The first page of pending invitations to event 1.
curl --get --fail-with-body --silent --show-error \
  "${COMMUNITY_API_URL:-http://127.0.0.1:4010}/api/v2/event/1/invite/" \
  -H "Authorization: Bearer ${COMMUNITY_API_TOKEN:-event-1-manager}" \
  -H "Accept: application/json" \
  --data-urlencode "limit=20"
