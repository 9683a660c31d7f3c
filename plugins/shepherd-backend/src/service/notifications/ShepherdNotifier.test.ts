import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ShepherdTicket } from '@kubevirt-shepherd/plugin-shepherd-common';
import { CatalogPersonNames } from './personNames';
import { ShepherdNotifier } from './ShepherdNotifier';

/** A ticket as far as notifications read it. */
const TICKET = {
  id: 'a5f0a1d2-0000-4000-8000-000000000001',
  operation: 'CREATE',
  status: 'PENDING',
  requester: 'user:default/jane.doe',
  reason: 'Load tests',
  systemName: 'shop',
  serviceName: 'cart',
  namespace: 'dev',
  environment: 'test',
} as unknown as ShepherdTicket;

function notifierWith(entities: Parameters<typeof catalogServiceMock>[0]) {
  const sent: Array<Parameters<NotificationService['send']>[0]> = [];
  const notifications = {
    send: async (options: (typeof sent)[number]) => {
      sent.push(options);
    },
  } as unknown as NotificationService;
  const logger = mockServices.logger.mock();
  const notifier = new ShepherdNotifier(
    notifications,
    ['group:default/approvers'],
    logger,
    [],
    new CatalogPersonNames(
      catalogServiceMock(entities),
      mockServices.auth(),
      logger,
    ),
  );
  return { notifier, sent };
}

const user = (name: string, displayName?: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: displayName ? { displayName } : {}, memberOf: [] },
});

describe('ShepherdNotifier', () => {
  it('names requesters and approvers as the catalog shows them, never by entity ref', async () => {
    const { notifier, sent } = notifierWith({
      entities: [
        user('jane.doe', 'Jane Doe'),
        user('approver', 'Ada Approver'),
      ],
    });
    await notifier.approvalRequested(TICKET);
    await notifier.ticketDecided({
      ...TICKET,
      status: 'REJECTED',
      approver: 'user:default/approver',
      rejectReason: 'Use the shared test VM',
    });

    expect(sent.map(message => message.payload.description)).toEqual([
      'Jane Doe asks for a new VM for shop/cart in dev (test): Load tests',
      'Ada Approver rejected your request for shop/cart in dev (test): Use the shared test VM',
    ]);
  });

  it('addresses the requester by the normal form of their ref, as Backstage resolves recipients', async () => {
    const { notifier, sent } = notifierWith({ entities: [] });
    const ticket = { ...TICKET, requester: 'user:default/Jane.Doe' };
    await notifier.approvalRequested(ticket);
    await notifier.ticketDecided({
      ...ticket,
      status: 'APPROVED',
      approver: 'user:default/approver',
    });
    await notifier.executionFinished({ ...ticket, status: 'SUCCESS' });

    expect(sent.map(message => message.recipients)).toEqual([
      {
        type: 'entity',
        entityRef: ['group:default/approvers'],
        excludeEntityRef: 'user:default/jane.doe',
      },
      { type: 'entity', entityRef: 'user:default/jane.doe' },
      { type: 'entity', entityRef: 'user:default/jane.doe' },
    ]);
  });

  it('falls back to the name in the ref for people the catalog does not know', async () => {
    const { notifier, sent } = notifierWith({ entities: [user('approver')] });
    await notifier.ticketDecided({
      ...TICKET,
      status: 'APPROVED',
      approver: 'user:default/approver',
    });
    await notifier.approvalRequested(TICKET);

    expect(sent.map(message => message.payload.description)).toEqual([
      'approver approved your request for shop/cart in dev (test).',
      'jane.doe asks for a new VM for shop/cart in dev (test): Load tests',
    ]);
  });
});
