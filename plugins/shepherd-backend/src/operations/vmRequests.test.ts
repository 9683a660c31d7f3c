import { ShepherdVm } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ticketTargetOf, vmEventPayload } from './vmRequests';

const VM = {
  id: 'vm-1',
  name: 'prd-shop-api-01',
  namespace: 'prd',
  environment: 'prod',
  instance: '01',
  status: 'RUNNING',
  systemId: 'system-1',
  systemName: 'shop',
  serviceId: 'service-1',
  serviceName: 'api',
  clusterId: 'cluster-1',
  cpuCores: 2,
  cpuRequest: 1,
  memoryGi: 4,
  memoryRequestGi: 2,
  diskGb: 20,
} as ShepherdVm;

describe('vmRequests', () => {
  it('names the VM and where it runs on the ticket of a request on it', () => {
    expect(ticketTargetOf(VM)).toEqual({
      environment: 'prod',
      systemId: 'system-1',
      systemName: 'shop',
      serviceId: 'service-1',
      serviceName: 'api',
      namespace: 'prd',
      vmId: 'vm-1',
      vmName: 'prd-shop-api-01',
      clusterId: 'cluster-1',
    });
  });

  it('records the VM as it was in the event of a request on it', () => {
    expect(vmEventPayload(VM)).toEqual({
      vmId: 'vm-1',
      vmName: 'prd-shop-api-01',
      namespace: 'prd',
      clusterId: 'cluster-1',
      environment: 'prod',
      systemId: 'system-1',
      serviceId: 'service-1',
      requestVmStatus: 'RUNNING',
      currentCpuCores: 2,
      currentMemoryGi: 4,
      currentDiskGb: 20,
    });
    expect(vmEventPayload({ ...VM, clusterId: undefined }).clusterId).toBe(
      null,
    );
  });
});
