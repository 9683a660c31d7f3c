import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { isShepherdApiError } from '../../api/ShepherdApiError';
import { RequestLink } from '../links';

/** Label of the line that carries the backend's stable error code. */
export const ERROR_CODE_LABEL = 'Error code';

/** The detail that names an existing request, e.g. of DUPLICATE_PENDING_REQUEST. */
const TICKET_ID_DETAIL = 'ticketId';

function DetailValue(props: { name: string; value: unknown }) {
  const { name, value } = props;
  if (name === TICKET_ID_DETAIL && typeof value === 'string') {
    return (
      <RequestLink ticketId={value}>
        <code>{value}</code>
      </RequestLink>
    );
  }
  return (
    <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
  );
}

/**
 * An error as the user should see it: the backend's human message and its stable code (the
 * one to quote to a platform team), the HTTP status, and the structured details some codes
 * carry (an existing request's id links to it). Errors that did not come from the backend
 * show their message only. Used inside the Shepherd page, whose routes it links to.
 */
export function ShepherdErrorPanel(props: {
  error: Error;
  /** What failed, e.g. "Could not load the VM"; the backend's message follows it. */
  title?: string;
}) {
  const { error, title } = props;
  const apiError = isShepherdApiError(error) ? error : undefined;
  const details = Object.entries(apiError?.details ?? {});
  return (
    <Alert severity="error">
      <AlertTitle>{title ?? error.message}</AlertTitle>
      {title && <Typography variant="body2">{error.message}</Typography>}
      {apiError && (
        <Typography variant="body2">
          {apiError.code ? (
            <>
              {ERROR_CODE_LABEL}: <code>{apiError.code}</code>
            </>
          ) : (
            'No error code'
          )}
          {` · HTTP ${apiError.status}`}
          {apiError.statusText ? ` ${apiError.statusText}` : ''}
        </Typography>
      )}
      {details.length > 0 && (
        <Typography variant="body2" component="div">
          {details.map(([key, value]) => (
            <div key={key}>
              {key}: <DetailValue name={key} value={value} />
            </div>
          ))}
        </Typography>
      )}
    </Alert>
  );
}
