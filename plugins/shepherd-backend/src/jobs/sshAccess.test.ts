import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import {
  KubevirtSimulator,
  virtualMachineSchemaViolations,
} from '@kubevirt-shepherd/kubevirt-sim';
import {
  SHEPHERD_ERROR_CODES,
  ShepherdInstanceSize,
  ShepherdService,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { parse } from 'yaml';
import { ShepherdApi } from '../__testUtils__/apiHarness';
import { REDACTED } from '../service/audit/redact';
import { eventually } from '../__testUtils__/eventually';
import { startSimulatedShepherd } from '../__testUtils__/simulatedCluster';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { approveVm } from '../__testUtils__/vmRequests';

/*
 * Reaching a VM: a requester's SSH public key goes with the request, through approval, into
 * the cloud-init of the VirtualMachine on a simulated KubeVirt cluster, next to the template's
 * own cloud-config; the VM's record then tells its addresses, node and login user.
 */

const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBQT6xxEi0Sa9fgQTbWso2HvfA+IkBP/dJTsDxgQCAl2 dev@example.com';

/** A template that turns password logins off and names its login user. */
const KEYS_ONLY_CLOUD_INIT = `#cloud-config
# Keys only: the requester brings one.
ssh_pwauth: false
user: fedora
packages:
  - qemu-guest-agent
`;

describe('SSH access to a requested VM on a simulated KubeVirt cluster', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let sim: KubevirtSimulator;
    let api: ShepherdApi;
    let service: ShepherdService;
    let template: ShepherdTemplate;
    let size: ShepherdInstanceSize;
    let clusterId: string;

    beforeEach(async () => {
      ({ sim, api, service, size, clusterId } = await startSimulatedShepherd({
        databases,
        databaseId,
      }));
      template = await api.fixtures.template({
        name: 'fedora-keys-only',
        cloudInit: KEYS_ONLY_CLOUD_INIT,
      });
    });

    afterEach(async () => {
      await api.backend.stop();
      await sim.close();
    });

    const request = (sshPublicKey: string) =>
      api.as('engineer-test').post('/v1/vms/requests').send({
        serviceId: service.id,
        namespace: 'dev',
        templateId: template.id,
        instanceSizeId: size.id,
        reason: 'Debugging the cart',
        sshPublicKey,
      });

    /** The VirtualMachine as the cluster serves it, read with the provider's client library. */
    async function readVirtualMachine(name: string) {
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromString(sim.kubeconfig);
      const custom = kubeConfig.makeApiClient(CustomObjectsApi);
      return (await custom.getNamespacedCustomObject({
        group: 'kubevirt.io',
        version: 'v1',
        namespace: 'dev',
        plural: 'virtualmachines',
        name,
      })) as any;
    }

    it("puts the requester's key into the VM's cloud-init and tells how to reach the VM", async () => {
      const submitted = await request(`  ${SSH_KEY}\n`);
      expect(submitted.status).toBe(202);
      const { ticketId } = submitted.body;
      expect(
        (await api.store.tickets.get(ticketId))?.requestSpec,
      ).toMatchObject({ sshPublicKey: SSH_KEY });

      await api.scheduler.triggerTask('shepherd-cluster-health');
      const { vmId } = await approveVm(api, ticketId, clusterId);
      await eventually(async () =>
        expect((await api.store.tickets.get(ticketId))?.status).toBe('SUCCESS'),
      );
      const vm = (await api.store.vms.get(vmId))!;

      const object = await readVirtualMachine(vm.name);
      const volume = object.spec.template.spec.volumes.find(
        (v: { name: string }) => v.name === 'cloudinitdisk',
      );
      const userData: string = volume.cloudInitNoCloud.userData;
      expect(userData.split('\n')[0]).toBe('#cloud-config');
      expect(userData).toContain('# Keys only: the requester brings one.');
      expect(parse(userData)).toEqual({
        ssh_pwauth: false,
        user: 'fedora',
        packages: ['qemu-guest-agent'],
        ssh_authorized_keys: [SSH_KEY],
      });
      // Still a VirtualMachine by KubeVirt's OpenAPI, as the cluster serves it back.
      expect(virtualMachineSchemaViolations(object)).toEqual([]);

      // The status poll records where the running instance is.
      await api.scheduler.triggerTask('shepherd-vm-status-sync');
      const vmi = sim.objects.get(
        'virtualmachineinstances',
        'dev',
        vm.name,
      ) as any;
      const read = await api.as('engineer-test').get(`/v1/vms/${vmId}`);
      expect(read.status).toBe(200);
      expect(read.body.access).toEqual({
        ipAddresses: [vmi.status.interfaces[0].ipAddress],
        nodeName: vmi.status.nodeName,
        sshUser: 'fedora',
      });
    });

    it("shows the template's cloud-init only to those who manage templates, and the requester its own key", async () => {
      const submitted = await request(SSH_KEY);
      expect(submitted.status).toBe(202);
      const { ticketId } = submitted.body;
      await api.scheduler.triggerTask('shepherd-cluster-health');

      /** The user data of the manifest an approval would apply, as the persona sees it. */
      const manifestUserData = async (persona: string) => {
        const rendered = await api
          .as(persona)
          .post(`/v1/approval-tasks/${ticketId}/manifest`)
          .send({ clusterId });
        expect(rendered.status).toBe(200);
        return rendered.body.manifest.spec.template.spec.volumes.find(
          (v: { name: string }) => v.name === 'cloudinitdisk',
        ).cloudInitNoCloud.userData;
      };
      expect(await manifestUserData('platform-admin')).toContain(
        '# Keys only: the requester brings one.',
      );
      expect(await manifestUserData('approver')).toBe(REDACTED);

      const approved = await api
        .as('approver')
        .post(`/v1/approval-tasks/${ticketId}/approve`)
        .send({ clusterId });
      expect(approved.status).toBe(200);
      expect(approved.body.ticket.templateSnapshot.cloudInit).toBe(REDACTED);

      /** The ticket as the persona reads it, alone and in the list of every ticket. */
      const ticketAs = async (persona: string) => {
        const read = await api.as(persona).get(`/v1/tickets/${ticketId}`);
        expect(read.status).toBe(200);
        const listed = await api.as(persona).get('/v1/tickets?scope=all');
        expect(listed.status).toBe(200);
        // The job moves the ticket on meanwhile: compare what it does not change.
        const inList = listed.body.items.find(
          (t: { id: string }) => t.id === ticketId,
        );
        expect(inList.templateSnapshot).toEqual(
          read.body.ticket.templateSnapshot,
        );
        expect(inList.requestSpec).toEqual(read.body.ticket.requestSpec);
        return read.body.ticket;
      };
      expect(
        (await ticketAs('platform-admin')).templateSnapshot.cloudInit,
      ).toBe(KEYS_ONLY_CLOUD_INIT);
      for (const persona of ['engineer-test', 'approver', 'viewer']) {
        const ticket = await ticketAs(persona);
        expect(ticket.templateSnapshot).toMatchObject({
          id: template.id,
          cloudInit: REDACTED,
        });
        // The requester's key is a public key: every reader of the request sees it.
        expect(ticket.requestSpec.sshPublicKey).toBe(SSH_KEY);
        expect(JSON.stringify(ticket)).not.toContain('Keys only');
      }
      await eventually(async () =>
        expect((await api.store.tickets.get(ticketId))?.status).toBe('SUCCESS'),
      );
    });

    it("refuses a key that does not fit next to the template's cloud-init", async () => {
      // 2000 bytes fit KubeVirt's 2048 inline; with the key they would not.
      const filler = `# ${'x'.repeat(
        2000 - KEYS_ONLY_CLOUD_INIT.length - 3,
      )}\n`;
      template = await api.fixtures.template({
        name: 'fedora-long-cloud-init',
        cloudInit: `${KEYS_ONLY_CLOUD_INIT}${filler}`,
      });
      const refused = await request(SSH_KEY);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: SHEPHERD_ERROR_CODES.SSH_PUBLIC_KEY_INVALID,
        message: expect.stringMatching(
          /does not fit into the VM's cloud-init: with the template's user data it would have \d+ bytes; KubeVirt accepts at most 2048/,
        ),
      });
      // Without a key the template serves the request.
      expect((await request('')).status).toBe(202);
    });

    it('refuses a key that is not one public key, with its code', async () => {
      const refused = await request('hunter2');
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: SHEPHERD_ERROR_CODES.SSH_PUBLIC_KEY_INVALID,
        message: expect.stringMatching(/must start with its type/),
        details: { field: 'sshPublicKey' },
      });
      expect(await api.store.tickets.list({ offset: 0, limit: 10 })).toEqual(
        expect.objectContaining({ totalItems: 0 }),
      );
    });
  });
});
