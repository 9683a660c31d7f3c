import {
  InfoCard,
  MarkdownContent,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ShepherdSystem,
  shepherdSystemUpdatePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import EditIcon from '@material-ui/icons/Edit';
import { useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { PermissionedButton, RelativeTime, formatEntityRef } from '../common';
import { EditDescriptionDialog } from './EditDescriptionDialog';
import { OriginCell } from './SystemTables';
import { EDIT_DESCRIPTION_LABEL } from './ServicesCard';

/** A System's description (Markdown, the only thing about it that can change) and its facts. */
export function SystemAboutCard(props: {
  system: ShepherdSystem;
  onChanged: () => void;
}) {
  const { system, onChanged } = props;
  const api = useApi(shepherdApiRef);
  const [editing, setEditing] = useState(false);

  return (
    <InfoCard
      title="About"
      action={
        <Box mt={1} mr={1}>
          <PermissionedButton
            permission={shepherdSystemUpdatePermission}
            resourceRef={system.id}
            size="small"
            startIcon={<EditIcon />}
            onClick={() => setEditing(true)}
          >
            {EDIT_DESCRIPTION_LABEL}
          </PermissionedButton>
        </Box>
      }
    >
      <Box mb={2} data-testid="system-description">
        {system.description ? (
          <MarkdownContent content={system.description} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            No description.
          </Typography>
        )}
      </Box>
      <StructuredMetadataTable
        dense
        metadata={{
          Name: system.name,
          'Catalog entity': <OriginCell entityRef={system.entityRef} />,
          'Created by': formatEntityRef(system.createdBy),
          Created: <RelativeTime timestamp={system.createdAt} />,
          'Last change': <RelativeTime timestamp={system.updatedAt} />,
        }}
      />
      <EditDescriptionDialog
        open={editing}
        subject={`the System ${system.name}`}
        description={system.description}
        save={description => api.updateSystem(system.id, { description })}
        onSaved={() => {
          setEditing(false);
          onChanged();
        }}
        onCancel={() => setEditing(false)}
      />
    </InfoCard>
  );
}
