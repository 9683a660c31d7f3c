import { useApi } from '@backstage/core-plugin-api';
import {
  PENDING_ADOPTION_STATUSES,
  PendingAdoptionStatus,
  ShepherdPendingAdoption,
  shepherdVmAdoptPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import { useState } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { DEFAULT_PAGE_SIZE, useAction, useLiveData } from '../../common';
import {
  ChoiceField,
  CreateEntryButton,
  FirstRunGuide,
  SectionHeader,
  SectionList,
  useAdminSection,
} from '../shared';
import { AdoptDialog } from './AdoptDialog';
import { AdoptionTable } from './AdoptionTable';
import { RejectAdoptionDialog } from './RejectAdoptionDialog';

export const SCAN_LABEL = 'Scan clusters now';
export const NO_ADOPTIONS_TITLE = 'No VMs to adopt';

/** An adoption as the section's list holds it: named by its VM, as admin entries are. */
type AdoptionEntry = ShepherdPendingAdoption & { name: string };

/**
 * VMs that run on registered clusters without Shepherd's labels: discovery proposes them
 * (every ten minutes, or now with the scan button); a platform admin adopts each into a
 * Service or rejects it with a reason. PENDING ones are shown first by default.
 */
export function AdoptionSection() {
  const api = useApi(shepherdApiRef);
  const [status, setStatus] = useState<PendingAdoptionStatus | ''>('PENDING');
  const [paging, setPaging] = useState({
    offset: 0,
    limit: DEFAULT_PAGE_SIZE,
  });
  const adoptions = useLiveData(async () => {
    const page = await api.listPendingAdoptions({
      ...paging,
      ...(status && { status }),
    });
    return {
      ...page,
      items: page.items.map(item => ({ ...item, name: item.resourceName })),
    };
  }, [api, paging.offset, paging.limit, status]);
  const section = useAdminSection<AdoptionEntry, 'adopt' | 'reject'>({
    refresh: adoptions.refresh,
  });
  const { dialog, selected } = section;
  const scanning = useAction(() => api.discoverPendingAdoptions({}));

  const scan = async () => {
    section.clearOutcome();
    const report = await scanning.run();
    if (!report) return;
    const failed = report.failedClusters
      .map(failure => `${failure.clusterName} (${failure.message})`)
      .join('; ');
    section.done({
      message: `Scanned ${report.scannedClusters} cluster(s): ${
        report.proposed
      } VM(s) newly proposed, ${report.withdrawn} withdrawn.${
        failed ? ` Could not scan: ${failed}.` : ''
      }`,
    });
  };

  const scanButton = (
    <CreateEntryButton permission={shepherdVmAdoptPermission} onClick={scan}>
      {SCAN_LABEL}
    </CreateEntryButton>
  );

  return (
    <>
      <SectionHeader description="VMs found on registered clusters without Shepherd's labels, in registered namespaces of the cluster's environment. Adopting one keeps its name and adds only Shepherd's labels.">
        <Box width={200}>
          <ChoiceField
            id="shepherd-adoptions-status-filter"
            label="Status"
            value={status}
            choices={PENDING_ADOPTION_STATUSES}
            placeholder="All"
            onChange={value => {
              setStatus(value);
              setPaging(current => ({ ...current, offset: 0 }));
            }}
          />
        </Box>
        {scanButton}
      </SectionHeader>
      <SectionList
        kind="adoption"
        plural="adoptions"
        section={{
          ...section,
          toggleError: scanning.error,
        }}
        list={adoptions}
        // Nothing PENDING is the first-run state: nothing to adopt.
        filtered={status !== '' && status !== 'PENDING'}
        firstRun={
          <FirstRunGuide title={NO_ADOPTIONS_TITLE} action={scanButton}>
            <p>
              Every VM on a registered cluster runs under Shepherd's labels:
              there is nothing to adopt. Discovery looks again every ten
              minutes.
            </p>
          </FirstRunGuide>
        }
        onPageChange={setPaging}
      >
        {page => (
          <AdoptionTable
            adoptions={page.items}
            actions={{
              onAdopt: entry => section.open({ kind: 'adopt', entry }),
              onReject: entry => section.open({ kind: 'reject', entry }),
            }}
          />
        )}
      </SectionList>
      <AdoptDialog
        adoption={dialog?.kind === 'adopt' ? selected : undefined}
        onAdopted={result =>
          section.done({
            message: `Adopted ${result.vm.name} into ${result.vm.systemName} / ${result.vm.serviceName}; Shepherd governs it now.`,
          })
        }
        onCancel={section.close}
      />
      <RejectAdoptionDialog
        adoption={dialog?.kind === 'reject' ? selected : undefined}
        onRejected={adoption =>
          section.finish(
            `Rejected ${adoption.resourceName}; it is not proposed again.`,
          )
        }
        onCancel={section.close}
      />
    </>
  );
}
