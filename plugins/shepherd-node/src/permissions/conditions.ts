import { createConditionExports } from '@backstage/plugin-permission-node';
import {
  shepherdNamespacePermissionResourceRef,
  shepherdServicePermissionResourceRef,
  shepherdSystemPermissionResourceRef,
  shepherdTicketPermissionResourceRef,
  shepherdVmPermissionResourceRef,
} from './resources';
import { shepherdPermissionRules } from './rules';

const systemExports = createConditionExports({
  resourceRef: shepherdSystemPermissionResourceRef,
  rules: shepherdPermissionRules.system,
});
const serviceExports = createConditionExports({
  resourceRef: shepherdServicePermissionResourceRef,
  rules: shepherdPermissionRules.service,
});
const vmExports = createConditionExports({
  resourceRef: shepherdVmPermissionResourceRef,
  rules: shepherdPermissionRules.vm,
});
const ticketExports = createConditionExports({
  resourceRef: shepherdTicketPermissionResourceRef,
  rules: shepherdPermissionRules.ticket,
});
const namespaceExports = createConditionExports({
  resourceRef: shepherdNamespacePermissionResourceRef,
  rules: shepherdPermissionRules.namespace,
});

/** Conditions on Shepherd Systems, for permission policies. @public */
export const shepherdSystemConditions = systemExports.conditions;
/** @public */
export const createShepherdSystemConditionalDecision =
  systemExports.createConditionalDecision;

/** Conditions on Shepherd Services. @public */
export const shepherdServiceConditions = serviceExports.conditions;
/** @public */
export const createShepherdServiceConditionalDecision =
  serviceExports.createConditionalDecision;

/** Conditions on Shepherd VMs (also VMs being requested). @public */
export const shepherdVmConditions = vmExports.conditions;
/** @public */
export const createShepherdVmConditionalDecision =
  vmExports.createConditionalDecision;

/** Conditions on Shepherd tickets. @public */
export const shepherdTicketConditions = ticketExports.conditions;
/** @public */
export const createShepherdTicketConditionalDecision =
  ticketExports.createConditionalDecision;

/** Conditions on namespaces of the registry. @public */
export const shepherdNamespaceConditions = namespaceExports.conditions;
/** @public */
export const createShepherdNamespaceConditionalDecision =
  namespaceExports.createConditionalDecision;
