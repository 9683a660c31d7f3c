export interface Config {
  /** Settings of the KubeVirt Shepherd demo portal. */
  shepherdDemo?: {
    /**
     * Personas offered on the sign-in page of the development portal. Each signs in as the
     * catalog User named `userName`. Ignored unless `auth.environment` is `development`.
     * @visibility frontend
     */
    personas?: Array<{
      /** @visibility frontend */
      userName: string;
      /** @visibility frontend */
      title: string;
      /** @visibility frontend */
      description?: string;
    }>;
  };
}
