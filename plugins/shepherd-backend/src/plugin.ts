import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { SHEPHERD_PLUGIN_ID } from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdApprovalProvider,
  shepherdApprovalExtensionPoint,
  shepherdReadinessServiceRef,
  shepherdVmProvidersExtensionPoint,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { VmJobs } from './jobs/VmJobs';
import { VmOperations } from './operations/VmOperations';
import { schedulePeriodicTasks } from './periodic/schedulePeriodicTasks';
import { ClusterVmWatches } from './watch/ClusterVmWatches';
import { readVmStateOptions } from './watch/vmWatchOptions';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import {
  ClusterReconciler,
  readReconcilerOptions,
} from './periodic/ClusterReconciler';
import { AuthorizedReconcilerService } from './service/reconciler/AuthorizedReconcilerService';
import { DefaultReconcilerService } from './service/reconciler/DefaultReconcilerService';
import { readQueueOptions, startQueue } from './queue/startQueue';
import { notificationService } from '@backstage/plugin-notifications-node';
import { readFileSync } from 'node:fs';
import { DatabaseShepherdStore } from './database/DatabaseShepherdStore';
import {
  applyDatabaseMigrations,
  listShippedMigrations,
} from './database/migrations';
import { ResourceLoader } from './permissions/ResourceLoader';
import { ShepherdAuthorizer } from './permissions/ShepherdAuthorizer';
import { registerShepherdPermissions } from './permissions/registerPermissions';
import { VmProviderRegistry } from './providers/VmProviderRegistry';
import { ActorResolver } from './routes/ActorResolver';
import { AuditRecorder } from './service/audit/AuditRecorder';
import { ChangeAnnouncer } from './service/changes/ChangeAnnouncer';
import { ChangeSignaller } from './service/changes/ChangeSignaller';
import { DefaultAuditLogService } from './service/audit/AuditLogService';
import { AuthorizedAuditLogService } from './service/audit/AuthorizedAuditLogService';
import { DatabaseHealthCheck } from './service/DatabaseHealthCheck';
import { GovernanceContext } from './service/GovernanceContext';
import {
  RequestRateLimiter,
  readRateLimitOptions,
} from './service/limits/RequestRateLimiter';
import { DefaultHealthService } from './service/HealthService';
import { createRouter } from './routes/createRouter';
import { CapabilitiesService } from './service/capabilities/CapabilitiesService';
import { createPlatformServices } from './service/platform/createPlatformServices';
import { AuthorizedSystemsService } from './service/systems/AuthorizedSystemsService';
import { DefaultSystemsService } from './service/systems/DefaultSystemsService';
import { AuthorizedMembersService } from './service/systems/AuthorizedMembersService';
import { DefaultMembersService } from './service/systems/DefaultMembersService';
import { AuthorizedServicesService } from './service/systems/AuthorizedServicesService';
import { DefaultServicesService } from './service/systems/DefaultServicesService';
import { ShepherdNotifier } from './service/notifications/ShepherdNotifier';
import { WorkbenchApprovalProvider } from './service/notifications/WorkbenchApprovalProvider';
import { AuthorizedVmsService } from './service/vms/AuthorizedVmsService';
import { DefaultApprovalsService } from './service/approvals/DefaultApprovalsService';
import { DefaultTicketsService } from './service/tickets/DefaultTicketsService';
import { DefaultVmsService } from './service/vms/DefaultVmsService';
import { ClusterApprovalPreflight } from './providers/ClusterApprovalPreflight';
import { ProviderVmManifestRenderer } from './providers/ProviderVmManifestRenderer';
import { ClusterConnections } from './providers/ClusterConnections';
import { ConsoleTokenSealer } from './crypto/ConsoleTokenSealer';
import {
  CredentialCipher,
  readEncryptionKeys,
} from './crypto/CredentialCipher';
import { CredentialReencryption } from './periodic/CredentialReencryption';
import { AuthorizedConsoleSessionsService } from './service/console/AuthorizedConsoleSessionsService';
import { DefaultConsoleSessionsService } from './service/console/DefaultConsoleSessionsService';
import { ConsoleRelay } from './service/console/ConsoleRelay';
import { ConsoleSessionAudit } from './service/console/ConsoleSessionAudit';
import { ConsoleSessionGate } from './service/console/ConsoleSessionGate';
import { ConsoleSessionRelay } from './service/console/ConsoleSessionRelay';
import { ClusterConsoleStreamOpener } from './providers/ClusterConsoleStreamOpener';
import {
  CONSOLE_STREAM_ROUTE,
  createConsoleStreamRouter,
} from './routes/consoleStreamRouter';
import { AuthorizedTicketsService } from './service/tickets/AuthorizedTicketsService';
import { resolveShepherdInstallation } from './service/installation/ShepherdInstallation';
import { CatalogPersonNames } from './service/notifications/personNames';
import { AuthorizedApprovalsService } from './service/approvals/AuthorizedApprovalsService';
import { AdoptionDiscovery } from './periodic/AdoptionDiscovery';
import { AuthorizedAdoptionService } from './service/adoption/AuthorizedAdoptionService';
import { DefaultAdoptionService } from './service/adoption/DefaultAdoptionService';

function readPackageVersion(): string {
  const packageJsonPath = resolvePackagePath(
    '@kubevirt-shepherd/plugin-shepherd-backend',
    'package.json',
  );
  return JSON.parse(readFileSync(packageJsonPath, 'utf8')).version;
}

/** How long a console session may stay silent both ways before the relay ends it. */
const DEFAULT_CONSOLE_IDLE_TIMEOUT_MINUTES = 15;

/**
 * The KubeVirt Shepherd backend plugin.
 *
 * @public
 */
export const shepherdPlugin = createBackendPlugin({
  pluginId: SHEPHERD_PLUGIN_ID,
  register(env) {
    const providers = new VmProviderRegistry();
    env.registerExtensionPoint(shepherdVmProvidersExtensionPoint, providers);

    let customApprovalProvider: ShepherdApprovalProvider | undefined;
    env.registerExtensionPoint(shepherdApprovalExtensionPoint, {
      setApprovalProvider(provider) {
        if (customApprovalProvider) {
          throw new Error(
            `A Shepherd approval provider is already set (${customApprovalProvider.id})`,
          );
        }
        customApprovalProvider = provider;
      },
    });

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        notifications: notificationService,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        readiness: shepherdReadinessServiceRef,
        events: eventsServiceRef,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const { logger, database, httpRouter, httpAuth, userInfo } = deps;
        const knex = await applyDatabaseMigrations(database);
        const installation = await resolveShepherdInstallation({
          config: deps.config,
          knex,
          logger,
        });
        // Committed changes of Systems, Services and VMs are announced for the catalog.
        const announcer = new ChangeAnnouncer(deps.events, logger);
        deps.lifecycle.addShutdownHook(() => announcer.settled());
        // Committed changes of VMs and tickets are signalled to open pages.
        const signaller = new ChangeSignaller(deps.signals, logger);
        deps.lifecycle.addShutdownHook(() => signaller.settled());
        const store = new DatabaseShepherdStore(knex);
        const loader = new ResourceLoader(store);
        registerShepherdPermissions(deps.permissionsRegistry, store, loader);

        const authorizer = new ShepherdAuthorizer(
          deps.permissions,
          deps.permissionsRegistry,
          loader,
        );
        const context = new GovernanceContext({
          store,
          auditRecorder: new AuditRecorder(deps.auditor, logger),
          logger,
          onRecordsChanged: changes => announcer.announce(changes),
          onLiveChanges: changes => signaller.signal(changes),
        });
        const systems = new AuthorizedSystemsService(
          new DefaultSystemsService(context, deps.catalog),
          authorizer,
        );
        const members = new AuthorizedMembersService(
          new DefaultMembersService(context),
          authorizer,
        );
        const services = new AuthorizedServicesService(
          new DefaultServicesService(context, deps.catalog),
          authorizer,
        );
        // Fails on a misconfigured key, so that a bad key stops the backend at start.
        const cipher = CredentialCipher.fromConfig(deps.config);
        const credentialReencryption = new CredentialReencryption(
          store.clusters,
          cipher,
          logger.child({ component: 'credential-reencryption' }),
        );
        const platform = createPlatformServices({
          context,
          authorizer,
          cipher,
          installedProviderTypes: () =>
            providers.list().map(provider => provider.type),
        });
        const notifier = new ShepherdNotifier(
          deps.notifications,
          deps.config.getOptionalStringArray('shepherd.approvers') ?? [],
          logger,
          deps.config.getOptionalStringArray('shepherd.platformAdmins') ?? [],
          new CatalogPersonNames(deps.catalog, deps.auth, logger),
        );
        const connections = new ClusterConnections(
          store,
          platform.clusterCredentials,
          providers,
        );
        const approvalProvider =
          customApprovalProvider ??
          new WorkbenchApprovalProvider(notifier, id => store.tickets.get(id));
        const operations = VmOperations.create({
          context,
          preflight: new ClusterApprovalPreflight(connections, logger),
          renderer: new ProviderVmManifestRenderer(connections),
          logger,
          installation,
        });
        const rateLimiter = new RequestRateLimiter(
          store.requestRates,
          readRateLimitOptions(deps.config),
        );
        const vms = new AuthorizedVmsService(
          new DefaultVmsService(context, operations, approvalProvider),
          authorizer,
          rateLimiter,
        );
        const tickets = new AuthorizedTicketsService(
          new DefaultTicketsService(context),
          authorizer,
        );
        const approvals = new AuthorizedApprovalsService(
          new DefaultApprovalsService(context, operations, notifier),
          authorizer,
        );
        const consoleTokens = new ConsoleTokenSealer(
          readEncryptionKeys(deps.config),
        );
        const consoleSessions = new AuthorizedConsoleSessionsService(
          new DefaultConsoleSessionsService(context, consoleTokens),
          authorizer,
          rateLimiter,
        );
        const consoleRelay = new ConsoleSessionRelay(
          new ConsoleSessionGate(context, consoleTokens),
          new ClusterConsoleStreamOpener(connections),
          new ConsoleSessionAudit(context),
          new ConsoleRelay({
            idleTimeoutMs:
              (deps.config.getOptionalNumber(
                'shepherd.console.idleTimeoutMinutes',
              ) ?? DEFAULT_CONSOLE_IDLE_TIMEOUT_MINUTES) * 60_000,
          }),
          logger,
        );
        deps.lifecycle.addShutdownHook(() => consoleRelay.closeAll());
        const adoptionDiscovery = new AdoptionDiscovery(
          store,
          connections,
          logger,
        );
        const adoption = new AuthorizedAdoptionService(
          new DefaultAdoptionService(
            context,
            connections,
            adoptionDiscovery,
            installation,
            logger,
          ),
          authorizer,
        );
        const audit = new AuthorizedAuditLogService(
          new DefaultAuditLogService(store.audit),
          authorizer,
        );

        const reconcilerOptions = readReconcilerOptions(deps.config);
        const clusterReconciler = new ClusterReconciler({
          context,
          connections,
          notifier,
          logger: logger.child({ component: 'reconciler' }),
          installation,
          gracePeriodMs: reconcilerOptions.gracePeriodMs,
        });
        const reconciler = new AuthorizedReconcilerService(
          new DefaultReconcilerService(context, clusterReconciler),
          authorizer,
        );

        const queueOptions = readQueueOptions(deps.config);
        const vmJobs = new VmJobs({
          context,
          connections,
          notifier,
          followIntervalMs: queueOptions.followIntervalMs,
          followDeadlineMs: queueOptions.followTimeoutMs,
          clusterWaitMaxMs: queueOptions.clusterWaitMaxMs,
        });
        const worker = await startQueue({
          knex,
          store,
          handlers: vmJobs.handlers(operations.jobs()),
          repairStranded: () => vmJobs.repairStranded(),
          config: deps.config,
          logger,
          scheduler: deps.scheduler,
          lifecycle: deps.lifecycle,
          readiness: deps.readiness,
        });
        context.onJobsEnqueued(() => worker.wake());
        const vmState = readVmStateOptions(deps.config);
        await schedulePeriodicTasks({
          store,
          connections,
          installation,
          adoptionDiscovery,
          jobRetentionMs: queueOptions.retentionMs,
          pollIntervals: vmState.poll,
          leaveWatchedClusters: vmState.watch.enabled,
          reconciler: clusterReconciler,
          reconcilerOptions,
          credentialReencryption,
          rateLimiter,
          logger,
          scheduler: deps.scheduler,
        });
        if (vmState.watch.enabled && connections.hasProvider()) {
          const watches = new ClusterVmWatches({
            store,
            connections,
            context,
            logger: logger.child({ component: 'vm-watches' }),
            options: vmState.watch,
            holder: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
            installationId: installation.id,
          });
          watches.start();
          deps.lifecycle.addShutdownHook(() => watches.stop());
        }

        const health = new DefaultHealthService({
          database: new DatabaseHealthCheck({
            knex,
            shippedMigrations: await listShippedMigrations(),
          }),
          providers,
          credentials: credentialReencryption,
          version: readPackageVersion(),
        });
        // The console's websocket authenticates itself (subprotocols), see the router.
        httpRouter.addAuthPolicy({
          path: CONSOLE_STREAM_ROUTE,
          allow: 'unauthenticated',
        });
        httpRouter.use(
          createConsoleStreamRouter({
            auth: deps.auth,
            relay: consoleRelay,
            logger,
          }),
        );
        httpRouter.use(
          await createRouter({
            httpAuth,
            logger,
            actors: new ActorResolver(httpAuth, userInfo),
            health,
            systems,
            members,
            services,
            platform: platform.services,
            audit,
            vms,
            tickets,
            approvals,
            consoleSessions,
            reconciler,
            adoption,
            capabilities: new CapabilitiesService(authorizer, systems, vms),
          }),
        );

        logger.info(
          `Shepherd backend ready with ${
            providers.list().length
          } VM provider(s), approvals through ${approvalProvider.id}`,
        );
      },
    });
  },
});
