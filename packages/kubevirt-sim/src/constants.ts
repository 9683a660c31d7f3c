/** API groups, names, labels and messages shared by the simulator's pieces. */

export const KUBEVIRT_GROUP = 'kubevirt.io';
export const KUBEVIRT_VERSION = 'v1';
export const CDI_GROUP = 'cdi.kubevirt.io';
export const CDI_VERSION = 'v1beta1';
export const SUBRESOURCES_GROUP = 'subresources.kubevirt.io';
export const SUBRESOURCES_VERSION = 'v1';
export const STORAGE_GROUP = 'storage.k8s.io';
export const INSTANCETYPE_GROUP = 'instancetype.kubevirt.io';
export const INSTANCETYPE_VERSION = 'v1beta1';

/** The KubeVirt CR lives here, as in a default installation. */
export const KUBEVIRT_NAMESPACE = 'kubevirt';
export const KUBEVIRT_CR_NAME = 'kubevirt';

/** Metadata the apiserver sets on an object, whatever a client sent in their place. */
export const SERVER_SET_METADATA = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
] as const;

export const DEFAULT_STORAGE_CLASS_ANNOTATION =
  'storageclass.kubernetes.io/is-default-class';

/** Finalizers KubeVirt's controllers put on the objects they own. */
export const VM_FINALIZER = 'kubevirt.io/virtualMachineControllerFinalize';
export const VMI_FINALIZERS = [
  'kubevirt.io/virtualMachineControllerFinalize',
  'foregroundDeleteVirtualMachine',
];

export const NODE_NAME_LABEL = 'kubevirt.io/nodeName';
/** The label KubeVirt's migration controller puts on a migration: its VMI's name. */
export const MIGRATION_VMI_NAME_LABEL = 'kubevirt.io/vmi-name';
/** virt-api names the migrations its `migrate` subresource creates from this prefix. */
export const MIGRATION_GENERATE_NAME = 'kubevirt-migrate-vm-';
export const VM_GENERATION_ANNOTATION = 'kubevirt.io/vm-generation';

/** The field manager KubeVirt's controllers write status with. */
export const CONTROLLER_MANAGER = 'virt-controller';

/** virt-api's answer when `preserveSession=true` meets an active VNC session. */
export const VNC_SESSION_IN_USE_MESSAGE =
  'Active VNC connection. Request denied.';
export const VNC_SUBPROTOCOL = 'plain.kubevirt.io';
/** How Kubernetes lets browsers carry a bearer token in a websocket subprotocol. */
export const BEARER_SUBPROTOCOL_PREFIX =
  'base64url.bearer.authorization.k8s.io.';
