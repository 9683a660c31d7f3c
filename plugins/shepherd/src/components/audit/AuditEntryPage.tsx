import {
  CodeSnippet,
  InfoCard,
  Link,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { AuditLogEntry } from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useParams } from 'react-router-dom';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { AUDIT_TITLE, NOT_SET } from '../../labels';
import { auditRouteRef } from '../../routes';
import {
  CODE_LABEL,
  EnvironmentChip,
  RecordHeader,
  RecordNotLoaded,
  RelativeTime,
  formatTimestamp,
  useLiveData,
} from '../common';
import { RequestLink } from '../links';
import { AuditFilterLink, RecordLink } from './auditLinks';
import { auditActionLabel, auditResourceTypeLabel } from './auditVocabulary';
import { OutcomeBadge } from './AuditTable';

/** What an entry without details says. */
export const NO_DETAILS = 'No details were recorded for this action.';

/** The words of the link to an entry's request. */
export const OPEN_REQUEST_LABEL = 'Open the request';

/** A code or id under the words it belongs to, labelled, for auditors and support. */
function Secondary(props: { label: string; value: string }) {
  return (
    <Typography variant="caption" display="block" color="textSecondary">
      {props.label}: <code>{props.value}</code>
    </Typography>
  );
}

function RecordValue(props: {
  type?: string;
  id?: string;
  name?: string;
  parent?: { type?: string; id?: string };
}) {
  const { type, id, name, parent } = props;
  if (!type && !id) return <>{NOT_SET}</>;
  const kind = type ? auditResourceTypeLabel(type) : undefined;
  return (
    <>
      {name && kind ? `${kind} ` : ''}
      <RecordLink type={type} id={id} parent={parent}>
        {name ?? kind ?? id}
      </RecordLink>
      {type && <Secondary label="Type" value={type} />}
      {id && <Secondary label="Id" value={id} />}
    </>
  );
}

function EntryFacts(props: { entry: AuditLogEntry }) {
  const { entry } = props;
  return (
    <StructuredMetadataTable
      metadata={{
        When: (
          <>
            {formatTimestamp(entry.createdAt)} (
            <RelativeTime timestamp={entry.createdAt} />)
          </>
        ),
        Action: (
          <>
            {auditActionLabel(entry.action)}
            <Secondary label={CODE_LABEL} value={entry.action} />
          </>
        ),
        Outcome: <OutcomeBadge outcome={entry.outcome} />,
        Actor: <code>{entry.actor}</code>,
        Resource: (
          <RecordValue
            type={entry.resourceType}
            id={entry.resourceId}
            name={entry.resourceName}
            parent={{ type: entry.parentType, id: entry.parentId }}
          />
        ),
        Parent: <RecordValue type={entry.parentType} id={entry.parentId} />,
        Environment: entry.environment ? (
          <EnvironmentChip environment={entry.environment} />
        ) : (
          NOT_SET
        ),
        Request: entry.ticketId ? (
          <>
            <RequestLink ticketId={entry.ticketId}>
              {OPEN_REQUEST_LABEL}
            </RequestLink>
            <Secondary label="Id" value={entry.ticketId} />
          </>
        ) : (
          NOT_SET
        ),
        'Entry id': <code>{entry.id}</code>,
      }}
    />
  );
}

/** Words inside a sentence: "Instance size" becomes "instance size"; an acronym such as "VM" stays. */
function lowerCaseWords(words: string): string {
  return words
    .split(' ')
    .map(word => (word === word.toUpperCase() ? word : word.toLowerCase()))
    .join(' ');
}

/** Links to the entries around this one: by the same actor, on the same record, for the same request. */
function RelatedEntries(props: { entry: AuditLogEntry }) {
  const { entry } = props;
  return (
    <Box component="ul" m={0} pl={2}>
      <li>
        <AuditFilterLink filters={{ actor: entry.actor }}>
          Everything by {entry.actor}
        </AuditFilterLink>
      </li>
      {entry.resourceId && (
        <li>
          <AuditFilterLink
            filters={{
              resourceType: entry.resourceType,
              resourceId: entry.resourceId,
            }}
          >
            Everything on this{' '}
            {lowerCaseWords(auditResourceTypeLabel(entry.resourceType))}
          </AuditFilterLink>
        </li>
      )}
      {entry.ticketId && (
        <li>
          <AuditFilterLink filters={{ ticketId: entry.ticketId }}>
            Everything for this request
          </AuditFilterLink>
        </li>
      )}
      <li>
        <AuditFilterLink filters={{ action: entry.action }}>
          Every “{auditActionLabel(entry.action)}”
        </AuditFilterLink>
      </li>
    </Box>
  );
}

/**
 * One audit entry: who did what to which record, when, with which outcome, and the details
 * the backend recorded (secret-looking values arrive redacted) as JSON.
 */
export function AuditEntryPage() {
  const { auditLogId = '' } = useParams();
  const api = useApi(shepherdApiRef);
  const auditLink = useRouteRef(auditRouteRef);
  const entry = useLiveData(
    () => api.getAuditLog(auditLogId),
    [api, auditLogId],
  );

  const backLink = <Link to={auditLink()}>{AUDIT_TITLE}</Link>;
  if (!entry.value) {
    return (
      <RecordNotLoaded
        record={entry}
        errorTitle="Could not load the audit entry"
        backLink={backLink}
      />
    );
  }

  const current = entry.value;
  const hasDetails = Object.keys(current.details ?? {}).length > 0;
  return (
    <Grid container spacing={3}>
      <RecordHeader
        backLink={backLink}
        title={auditActionLabel(current.action)}
      >
        <OutcomeBadge outcome={current.outcome} />
        {current.environment && (
          <EnvironmentChip environment={current.environment} />
        )}
      </RecordHeader>
      <Grid item xs={12} md={6}>
        <InfoCard title="Entry">
          <EntryFacts entry={current} />
        </InfoCard>
        <Box mt={3}>
          <InfoCard title="Related entries">
            <RelatedEntries entry={current} />
          </InfoCard>
        </Box>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Details"
          subheader="As recorded; values of secret-looking keys read ***REDACTED***"
        >
          {hasDetails ? (
            <div data-testid="audit-details">
              <CodeSnippet
                text={JSON.stringify(current.details, null, 2)}
                language="json"
                showCopyCodeButton
              />
            </div>
          ) : (
            <Typography variant="body2" color="textSecondary">
              {NO_DETAILS}
            </Typography>
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
