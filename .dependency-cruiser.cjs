// Architecture rules of KubeVirt Shepherd, checked by `npm test` (see docs/adr/0005-enforced-layering.md).
// Run alone with: yarn depcruise --config .dependency-cruiser.cjs plugins
//
// Paths are matched against resolved files relative to the repository root; a module that
// does not resolve (a package that is not installed) is matched by its import specifier, so
// rules about packages list both forms.

const BACKEND_SRC = '^plugins/shepherd-backend/src/';

/**
 * A package by name, installed (node_modules) or unresolved. `name` may end in a prefix
 * (`…-module-`), so what follows it is not anchored.
 */
const npmPackage = name => `(^|/)node_modules/${name}|^${name}`;

/** VM provider implementations: reached only through ShepherdVmProvider from -node. */
const PROVIDER_IMPLEMENTATIONS = [
  npmPackage('@kubernetes/client-node/'),
  npmPackage('@kubernetes/client-node$'),
  npmPackage('@kubevirt-shepherd/plugin-shepherd-backend-module-'),
  // Workspace packages resolve through their symlink to their folder under plugins/.
  '^plugins/shepherd-backend-module-',
];

/** Packages that only run in Node.js or only make sense in a backend. */
const NODE_OR_BACKEND_PACKAGES = [
  npmPackage('@backstage/backend-'),
  npmPackage('@backstage/plugin-[a-z-]*-(node|backend)'),
  npmPackage('@backstage/(cli|config-loader)'),
  npmPackage('@kubevirt-shepherd/plugin-[a-z-]*-(node|backend)'),
  '^plugins/[a-z-]*-(node|backend)',
  npmPackage('@kubernetes/client-node'),
  npmPackage('(knex|express|pg|better-sqlite3|winston|ws|undici|supertest)/'),
  npmPackage('(knex|express|pg|better-sqlite3|winston|ws|undici|supertest)$'),
];

const TESTS = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'routes-only-to-authorized-services',
      severity: 'error',
      comment:
        'Routers are thin and reach only the services behind their permission checks ' +
        '(Authorized*, by class, or the interfaces and types of the service layer): never a ' +
        'Default* service, a store, the queue, jobs, operations or providers (DESIGN.md §3: ' +
        'router → authorized service → domain service → store / queue / provider).',
      from: { path: `${BACKEND_SRC}routes/`, pathNot: TESTS },
      to: {
        path: [
          `${BACKEND_SRC}service/.*/Default[^/]*$`,
          `${BACKEND_SRC}(database|queue|jobs|periodic|watch|providers|operations)/`,
        ],
      },
    },
    {
      name: 'backend-not-to-provider-implementations',
      severity: 'error',
      comment:
        'The backend reaches clusters only through the ShepherdVmProvider interface of ' +
        '@kubevirt-shepherd/plugin-shepherd-node; implementations register through the ' +
        'extension point and are never imported. Tests are the exception: the execution ' +
        'tests run the real KubeVirt provider against the simulator.',
      from: { path: BACKEND_SRC, pathNot: `${TESTS}|/__testUtils__/` },
      to: { path: PROVIDER_IMPLEMENTATIONS },
    },
    {
      name: 'database-not-to-upper-layers',
      severity: 'error',
      comment:
        'Stores are the bottom layer: they know tables, not use cases or HTTP.',
      from: { path: `${BACKEND_SRC}database/` },
      to: {
        path: `${BACKEND_SRC}(service|routes|operations|jobs|periodic|watch|providers)/`,
      },
    },
    {
      name: 'queue-is-generic',
      severity: 'error',
      comment:
        'The job queue runs any kind of job: it knows its table, not VMs, operations, ' +
        'providers or HTTP.',
      from: { path: `${BACKEND_SRC}queue/` },
      to: {
        path: `${BACKEND_SRC}(service|routes|operations|jobs|periodic|watch|providers)/`,
      },
    },
    {
      name: 'providers-not-to-jobs-or-queue',
      severity: 'error',
      comment:
        'Cluster connections and the request-time adapters serve approvals and consoles as ' +
        'well as jobs: they throw provider and domain errors, which only the job layer ' +
        '(jobs/) turns into job errors.',
      from: { path: `${BACKEND_SRC}providers/`, pathNot: TESTS },
      to: {
        path: `${BACKEND_SRC}(jobs|queue|periodic|watch|operations|routes)/`,
      },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'Domain rules are pure functions of their inputs: no stores, services or routes.',
      from: { path: `${BACKEND_SRC}domain/` },
      to: {
        path: `${BACKEND_SRC}(database|service|routes|operations|jobs|queue|periodic|watch|providers)/`,
      },
    },
    {
      name: 'watches-not-to-request-paths',
      severity: 'error',
      comment:
        'The VM watches are background work like the periodic tasks: they write through ' +
        'the unit of work and reach clusters through providers, never through routes, ' +
        'operations, jobs or the queue.',
      from: { path: `${BACKEND_SRC}watch/`, pathNot: TESTS },
      to: { path: `${BACKEND_SRC}(routes|operations|jobs|queue)/` },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Modules of a plugin depend on each other in one direction; a cycle means a layer ' +
        'boundary was crossed the wrong way.',
      from: { path: '^plugins/[^/]+/src/' },
      to: { circular: true },
    },
    {
      name: 'common-is-isomorphic',
      severity: 'error',
      comment:
        'shepherd-common runs in browsers and backends alike: no Node.js built-ins and no ' +
        'backend packages.',
      from: { path: '^plugins/shepherd-common/src/' },
      to: {
        path: NODE_OR_BACKEND_PACKAGES,
      },
    },
    {
      name: 'common-without-node-builtins',
      severity: 'error',
      comment:
        'shepherd-common runs in browsers and backends alike: no Node.js built-ins ' +
        '(node:crypto, fs, …) outside its tests.',
      from: { path: '^plugins/shepherd-common/src/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(plugins|packages)/[^/]+/(dist|dist-types)/' },
    // Type-only imports count: a route that imports a store's types is coupled to it too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
