import { EmptyState } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  Page,
  ShepherdService,
  ShepherdSystem,
  WithWarnings,
  shepherdSystemCreatePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import AddIcon from '@material-ui/icons/Add';
import LibraryAddIcon from '@material-ui/icons/LibraryAdd';
import { ReactNode, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { systemDetailRouteRef } from '../../routes';
import {
  NoMatchState,
  PagedList,
  SearchField,
  PermissionedButton,
  ShepherdErrorPanel,
  useLiveData,
} from '../common';
import { Outcome, OutcomeAlert } from './OutcomeAlert';
import {
  CREATE_SYSTEM_LABEL,
  CreateSystemDialog,
  REGISTER_SYSTEM_LABEL,
  RegisterSystemDialog,
} from './SystemDialogs';
import { ServiceTable, SystemTable } from './SystemTables';
import { IndexView, useSearchListQuery } from './useSearchListQuery';

/** What a user without any System reads. */
export const NO_SYSTEMS_TITLE = 'No Systems yet';
const NO_SYSTEMS_DESCRIPTION =
  'A System is a product or platform; its Services are what VMs are requested for. Create one here, or register a System of the software catalog. Systems you are not a member of are not shown.';
export const NO_SERVICES_TITLE = 'No Services yet';
const NO_SERVICES_DESCRIPTION =
  'Services belong to a System: open a System to create one, or to register a service Component of the catalog.';

/** What the detail page is told when it opens on a record just created or registered. */
export type CreatedState = { created?: Outcome };
/** What the list is told when it opens after a System was deleted. */
export type DeletedState = { deleted?: string };

const VIEW_LABELS: Record<IndexView, string> = {
  systems: 'Systems',
  services: 'Services',
};

/** One page of the index, in the view it was loaded for. */
type IndexPage =
  | { view: 'systems'; page: Page<ShepherdSystem> }
  | { view: 'services'; page: Page<ShepherdService> };

function IndexTable(props: { list: IndexPage; emptyContent: ReactNode }) {
  const { list, emptyContent } = props;
  return list.view === 'services' ? (
    <ServiceTable services={list.page.items} emptyContent={emptyContent} />
  ) : (
    <SystemTable systems={list.page.items} emptyContent={emptyContent} />
  );
}

function useList(view: IndexView, query: object) {
  const api = useApi(shepherdApiRef);
  return useLiveData<IndexPage>(
    async () =>
      view === 'services'
        ? { view, page: await api.listServices(query) }
        : { view, page: await api.listSystems(query) },
    [api, view, JSON.stringify(query)],
  );
}

/**
 * The index of Systems & Services: the Systems (or, in the other view, the Services across
 * Systems) the user may see, searched and paged on the server; creating and registering
 * Systems.
 */
export function SystemListPage() {
  const { view, search, query, setView, setSearch, setPaging } =
    useSearchListQuery();
  const list = useList(view, query);
  const navigate = useNavigate();
  const location = useLocation();
  const systemDetail = useRouteRef(systemDetailRouteRef);
  const [dialog, setDialog] = useState<'create' | 'register'>();
  const [deleted, setDeleted] = useState(
    (location.state as DeletedState | null)?.deleted,
  );

  const openSystem =
    (verb: string) => (result: WithWarnings<ShepherdSystem>) => {
      setDialog(undefined);
      const state: CreatedState = {
        created: {
          message: `${verb} the System ${result.item.name}.`,
          warnings: result.warnings,
        },
      };
      navigate(systemDetail({ systemId: result.item.id }), { state });
    };

  const noun = VIEW_LABELS[view];
  const noMatch = (
    <NoMatchState
      title={`No ${noun} match “${search}”`}
      clearLabel="Clear search"
      onClear={() => setSearch('')}
    />
  );
  const body = (
    <PagedList
      page={list.value?.page}
      loading={list.loading}
      filtered={Boolean(search)}
      firstRun={
        <EmptyState
          missing="data"
          title={view === 'systems' ? NO_SYSTEMS_TITLE : NO_SERVICES_TITLE}
          description={
            view === 'systems'
              ? NO_SYSTEMS_DESCRIPTION
              : NO_SERVICES_DESCRIPTION
          }
        />
      }
      onPageChange={setPaging}
    >
      {() =>
        list.value && <IndexTable list={list.value} emptyContent={noMatch} />
      }
    </PagedList>
  );

  return (
    <>
      {deleted && (
        <Box mb={2}>
          <OutcomeAlert
            outcome={{ message: `Deleted the System ${deleted}.` }}
            onClose={() => setDeleted(undefined)}
          />
        </Box>
      )}
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        justifyContent="space-between"
        mb={2}
        style={{ gap: 12 }}
      >
        <Tabs
          value={view}
          onChange={(_event, next: IndexView) => setView(next)}
          indicatorColor="primary"
          aria-label="Systems or Services"
        >
          <Tab value="systems" label={VIEW_LABELS.systems} />
          <Tab value="services" label={VIEW_LABELS.services} />
        </Tabs>
        <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
          <PermissionedButton
            permission={shepherdSystemCreatePermission}
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
            onClick={() => setDialog('create')}
          >
            {CREATE_SYSTEM_LABEL}
          </PermissionedButton>
          <PermissionedButton
            permission={shepherdSystemCreatePermission}
            variant="outlined"
            color="primary"
            startIcon={<LibraryAddIcon />}
            onClick={() => setDialog('register')}
          >
            {REGISTER_SYSTEM_LABEL}
          </PermissionedButton>
        </Box>
      </Box>
      <Box role="search" aria-label={`Search ${noun}`} mb={2}>
        <SearchField
          id="shepherd-systems-search"
          label={`Search ${noun.toLocaleLowerCase('en-US')}`}
          value={search}
          onChange={setSearch}
        />
      </Box>
      {list.error && (
        <ShepherdErrorPanel
          title={`Could not load the ${noun}`}
          error={list.error}
        />
      )}
      {body}
      <CreateSystemDialog
        open={dialog === 'create'}
        onCreated={openSystem('Created')}
        onCancel={() => setDialog(undefined)}
      />
      <RegisterSystemDialog
        open={dialog === 'register'}
        onRegistered={openSystem('Registered')}
        onCancel={() => setDialog(undefined)}
      />
    </>
  );
}
