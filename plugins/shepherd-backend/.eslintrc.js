// No cluster call inside a database transaction (DESIGN.md §3, docs/adr/0005-enforced-layering.md):
// a transaction must not hold locks while a cluster answers slowly, and a rollback cannot undo
// what a cluster already did. GovernanceContext.execute is the unit-of-work entry point and
// ShepherdStore.transaction the low-level one; inside the function passed to either, nothing
// named like a provider may be referenced (a
// `providerType` is data, not a provider). Functions handed to unit.afterCommit(...) run after
// the commit and are exempt. Callbacks passed by reference are not seen here: write them inline.
const NO_PROVIDER_IN_TRANSACTION = {
  selector:
    [
      "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(transaction|execute)$/]",
      '> :function',
      ':matches(Identifier, PrivateIdentifier)[name=/provider(?!type)/i]',
    ].join(' ') +
    ":not(CallExpression[callee.property.name='afterCommit'] > :function *)",
  message:
    'No cluster call inside a transaction: do not reference a provider in the function ' +
    'passed to .execute()/.transaction(). Commit first, then let a queued job (or ' +
    'unit.afterCommit) reach the cluster.',
};

module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  restrictedSrcSyntax: [NO_PROVIDER_IN_TRANSACTION],
});
