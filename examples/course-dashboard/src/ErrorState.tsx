// A failed query, said plainly: what went wrong and what to change. Messages name the token's
// missing role (from the spec's x-required-roles), never the token.
import {
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  TimeoutError,
  UnauthorizedError,
} from "@community-api/client";
import type { CommunityQueryError } from "@community-api/query";

export function ErrorState(props: {
  error: CommunityQueryError;
  courseId: string;
  baseUrl: string;
}) {
  const { error, courseId, baseUrl } = props;
  let title: string;
  let hint: string;
  if (error instanceof UnauthorizedError) {
    title = "The API refused the token (401).";
    hint = "Check the token in Settings: it is missing, expired or unknown.";
  } else if (error instanceof PermissionDeniedError) {
    const needed = error.operationId ? __SPEC_FACTS__.roles[error.operationId] : null;
    title = "This token may not see this list (403).";
    hint = needed
      ? `It needs the ${needed.resource} role ${needed.roles.join(" or ")} on ${needed.resource} ${courseId}.`
      : "Its user lacks the role this list requires.";
  } else if (error instanceof NotFoundError) {
    title = `Course ${courseId} was not found (404).`;
    hint = "Check the course id in Settings.";
  } else if (error instanceof NetworkError || error instanceof TimeoutError) {
    title = `Cannot reach ${baseUrl}.`;
    hint = "Is the API running there? Check the base URL in Settings.";
  } else {
    title = "The request failed.";
    hint = error.message;
  }
  return (
    <div role="alert" className="problem">
      <p>
        <strong>{title}</strong>
      </p>
      <p>{hint}</p>
    </div>
  );
}
