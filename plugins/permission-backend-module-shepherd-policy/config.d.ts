export interface Config {
  permission?: {
    /**
     * The Shepherd permission policy (`@kubevirt-shepherd/plugin-permission-backend-module-shepherd-policy`):
     * which catalog Users and Groups hold Shepherd's roles, and what other plugins'
     * permissions get. Checked when the backend starts: an unknown key, a ref that is not a
     * User or Group, or an unknown environment stops it with an error naming the key.
     */
    shepherd?: {
      /**
       * Shepherd's roles, each given to User and Group entity refs
       * (`group:default/platform-team`, `user:default/jane`). A user holds a role when the
       * role lists the user or one of its groups (its ownership entity refs). A user holding
       * several roles gets all they allow; a user holding none gets no Shepherd permission.
       */
      roles?: {
        /** Every Shepherd permission: clusters, namespaces, templates, instance sizes, all Systems. */
        platformAdmins?: string[];
        /**
         * The approval workbench (approve, reject, choose the cluster) and reading Systems,
         * Services, VMs, tickets, namespaces, the request catalog and the cluster registry.
         */
        approvers?: string[];
        /**
         * Engineers: they create Systems and work on the Systems they are members of (any
         * member role reads; member and above create Services and request, operate, resize,
         * delete VMs and open consoles; admin and owner change Systems and Services and manage
         * members). VMs, namespaces and the requests of their Systems are limited to the listed
         * environments, for reading too; their own requests stay readable. Several entries
         * matching one user add up their environments.
         */
        engineers?: Array<{
          /** User and Group entity refs. */
          refs: string[];
          /** The environments these engineers work in. */
          environments: Array<'test' | 'prod'>;
        }>;
        /**
         * Reading Systems, Services, VMs, tickets, namespaces, the request catalog and the
         * audit log.
         */
        viewers?: string[];
      };
      /**
       * The decision on permissions of other plugins (catalog, scaffolder …), which this
       * policy does not govern. Default `allow`, like the allow-all policy it replaces.
       */
      defaultDecision?: 'allow' | 'deny';
    };
  };
}
