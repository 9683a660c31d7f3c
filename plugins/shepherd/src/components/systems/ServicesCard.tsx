import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Page,
  ShepherdService,
  ShepherdSystem,
  WithWarnings,
  shepherdServiceCreatePermission,
  shepherdServiceDeletePermission,
  shepherdServiceUpdatePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import LibraryAddIcon from '@material-ui/icons/LibraryAdd';
import { useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { NOT_SET } from '../../labels';
import {
  ListTable,
  PaginationBar,
  PermissionedButton,
  RelativeTime,
  ShepherdErrorPanel,
} from '../common';
import { FilteredVmsLink } from '../links';
import { DELETE_SERVICE_LABEL, DeleteServiceDialog } from './DeleteDialogs';
import { EditDescriptionDialog } from './EditDescriptionDialog';
import { Outcome } from './OutcomeAlert';
import { SystemPartsCard } from './SystemPartsCard';
import {
  CREATE_SERVICE_LABEL,
  CreateServiceDialog,
  REGISTER_SERVICE_LABEL,
  RegisterServiceDialog,
} from './ServiceDialogs';
import { OriginCell, summaryOf } from './SystemTables';
import { serviceDeleteBlockedReason } from './systemRules';

export const EDIT_DESCRIPTION_LABEL = 'Edit description';

function vmCountText(count: number | undefined): string {
  if (count === undefined) return NOT_SET;
  return `${count} ${count === 1 ? 'VM' : 'VMs'}`;
}

/**
 * The Services of a System: what VMs are requested for. Creating and registering Services,
 * changing their descriptions and deleting them (only without VMs), each behind its
 * permission; links to each Service's VMs.
 */
export function ServicesCard(props: {
  system: ShepherdSystem;
  services: Page<ShepherdService> | undefined;
  error?: Error;
  vmCounts: Map<string, number> | undefined;
  onPaging: (paging: { offset: number; limit: number }) => void;
  onChanged: () => void;
}) {
  const { system, services, error, vmCounts, onPaging, onChanged } = props;
  const api = useApi(shepherdApiRef);
  const [dialog, setDialog] = useState<'create' | 'register'>();
  const [editing, setEditing] = useState<ShepherdService>();
  const [deleting, setDeleting] = useState<ShepherdService>();
  const [outcome, setOutcome] = useState<Outcome>();

  const added = (verb: string) => (result: WithWarnings<ShepherdService>) => {
    setDialog(undefined);
    setOutcome({
      message: `${verb} the Service ${result.item.name}.`,
      warnings: result.warnings,
    });
    onChanged();
  };

  const columns: TableColumn<ShepherdService>[] = [
    {
      title: 'Name',
      render: service => (
        <Typography variant="body2" component="span">
          <strong>{service.name}</strong>
        </Typography>
      ),
    },
    {
      title: 'Description',
      render: service => summaryOf(service.description) || NOT_SET,
    },
    {
      title: 'Catalog entity',
      render: service => <OriginCell entityRef={service.entityRef} />,
    },
    {
      title: 'VMs',
      render: service => (
        <FilteredVmsLink systemId={system.id} serviceId={service.id}>
          {vmCountText(vmCounts?.get(service.id))}
        </FilteredVmsLink>
      ),
    },
    {
      title: 'Next instance',
      render: service => String(service.nextInstanceIndex).padStart(2, '0'),
    },
    {
      title: 'Created',
      render: service => <RelativeTime timestamp={service.createdAt} />,
    },
    {
      title: 'Actions',
      render: service => {
        const blocked = serviceDeleteBlockedReason(vmCounts?.get(service.id));
        return (
          <Box display="flex" style={{ gap: 4 }}>
            <PermissionedButton
              permission={shepherdServiceUpdatePermission}
              resourceRef={service.id}
              size="small"
              aria-label={`${EDIT_DESCRIPTION_LABEL} of ${service.name}`}
              onClick={() => setEditing(service)}
            >
              Edit
            </PermissionedButton>
            <PermissionedButton
              permission={shepherdServiceDeletePermission}
              resourceRef={service.id}
              size="small"
              color="secondary"
              aria-label={`${DELETE_SERVICE_LABEL} ${service.name}`}
              disabled={Boolean(blocked)}
              disabledReason={blocked}
              onClick={() => setDeleting(service)}
            >
              Delete
            </PermissionedButton>
          </Box>
        );
      },
    },
  ];

  return (
    <SystemPartsCard
      title="Services"
      subheader="What VMs are requested for; each VM belongs to one Service"
      actions={
        <>
          <PermissionedButton
            permission={shepherdServiceCreatePermission}
            resourceRef={system.id}
            color="primary"
            variant="contained"
            size="small"
            startIcon={<AddIcon />}
            onClick={() => setDialog('create')}
          >
            {CREATE_SERVICE_LABEL}
          </PermissionedButton>
          <PermissionedButton
            permission={shepherdServiceCreatePermission}
            resourceRef={system.id}
            color="primary"
            variant="outlined"
            size="small"
            startIcon={<LibraryAddIcon />}
            onClick={() => setDialog('register')}
          >
            {REGISTER_SERVICE_LABEL}
          </PermissionedButton>
        </>
      }
      outcome={outcome}
      onCloseOutcome={() => setOutcome(undefined)}
    >
      {error && (
        <ShepherdErrorPanel title="Could not load the Services" error={error} />
      )}
      {services && (
        <>
          <ListTable
            columns={columns}
            data={services.items}
            emptyContent={
              <Box p={2}>
                <Typography variant="body2">
                  No Services yet. Create one, or register a service Component
                  of the catalog that is part of this System.
                </Typography>
              </Box>
            }
          />
          {services.totalItems > services.limit && (
            <PaginationBar page={services} onChange={onPaging} />
          )}
        </>
      )}
      <CreateServiceDialog
        system={system}
        open={dialog === 'create'}
        onCreated={added('Created')}
        onCancel={() => setDialog(undefined)}
      />
      <RegisterServiceDialog
        system={system}
        open={dialog === 'register'}
        onRegistered={added('Registered')}
        onCancel={() => setDialog(undefined)}
      />
      <EditDescriptionDialog
        open={Boolean(editing)}
        subject={`the Service ${editing?.name ?? ''}`}
        description={editing?.description ?? ''}
        save={description => api.updateService(editing!.id, { description })}
        onSaved={() => {
          setEditing(undefined);
          onChanged();
        }}
        onCancel={() => setEditing(undefined)}
      />
      <DeleteServiceDialog
        service={deleting}
        onDeleted={service => {
          setDeleting(undefined);
          setOutcome({ message: `Deleted the Service ${service.name}.` });
          onChanged();
        }}
        onCancel={() => setDeleting(undefined)}
      />
    </SystemPartsCard>
  );
}
