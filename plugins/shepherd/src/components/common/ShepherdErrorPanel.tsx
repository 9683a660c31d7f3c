import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ReactNode } from 'react';
import { isShepherdApiError } from '../../api/ShepherdApiError';
import { CODE_LABEL } from './apiErrors';
import { RequestLink } from '../links';

/** Label of the line that carries the backend's stable error code. */
export const ERROR_CODE_LABEL = 'Error code';

/** The words of the link to the request an error's details name, e.g. of DUPLICATE_PENDING_REQUEST. */
export const EXISTING_REQUEST_LINK = 'Open that request';

/** The detail that names an existing request, e.g. of DUPLICATE_PENDING_REQUEST. */
const TICKET_ID_DETAIL = 'ticketId';

/**
 * A message of the backend (a refusal, a warning, a reason) as people should read it: the
 * words, with the stable code after them in a small caption. Without words the code stands
 * in for them, still captioned as a code.
 */
export function CodedMessage(props: {
  message?: ReactNode;
  code?: string;
  /** Shown when there is neither message nor code. */
  fallback?: ReactNode;
}) {
  const { message, code, fallback } = props;
  const hasMessage =
    message !== undefined && message !== null && message !== '';
  return (
    <>
      {hasMessage ? message : !code && fallback}
      {code && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="span"
          style={{ display: 'block' }}
        >
          {CODE_LABEL}: <code>{code}</code>
        </Typography>
      )}
    </>
  );
}

function DetailValue(props: { name: string; value: unknown }) {
  const { name, value } = props;
  if (name === TICKET_ID_DETAIL && typeof value === 'string') {
    return (
      <span title={value}>
        <RequestLink ticketId={value}>{EXISTING_REQUEST_LINK}</RequestLink>
      </span>
    );
  }
  return (
    <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
  );
}

/**
 * An error as the user should see it: the backend's human message first, then, in a caption,
 * its stable code (the one to quote to a platform team), the HTTP status, and the structured
 * details some codes carry (an existing request links to it). Errors that did not come from
 * the backend show their message only. Used inside the Shepherd page, whose routes it links to.
 */
export function ShepherdErrorPanel(props: {
  error: Error;
  /** What failed, e.g. "Could not load the VM"; the backend's message follows it. */
  title?: string;
}) {
  const { error, title } = props;
  const apiError = isShepherdApiError(error) ? error : undefined;
  const details = Object.entries(apiError?.details ?? {});
  // The request an error names is a link to follow; the other details (ids, field names)
  // are for support, next to the code.
  const ticket = details.find(([key]) => key === TICKET_ID_DETAIL);
  const supportDetails = details.filter(([key]) => key !== TICKET_ID_DETAIL);
  return (
    <Alert severity="error">
      <AlertTitle>{title ?? error.message}</AlertTitle>
      {title && <Typography variant="body2">{error.message}</Typography>}
      {ticket && (
        <Typography variant="body2" component="div">
          <DetailValue name={ticket[0]} value={ticket[1]} />
        </Typography>
      )}
      {apiError && (
        <Typography variant="caption" color="textSecondary" component="div">
          {apiError.code ? (
            <>
              {ERROR_CODE_LABEL}: <code>{apiError.code}</code>
            </>
          ) : (
            'No error code'
          )}
          {` · HTTP ${apiError.status}`}
          {apiError.statusText ? ` ${apiError.statusText}` : ''}
          {supportDetails.map(([key, value]) => (
            <div key={key}>
              {key}: <DetailValue name={key} value={value} />
            </div>
          ))}
        </Typography>
      )}
    </Alert>
  );
}
