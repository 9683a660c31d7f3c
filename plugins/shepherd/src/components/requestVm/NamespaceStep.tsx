import { ShepherdNamespace } from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import { EnvironmentChip } from '../common';
import { ChoiceList } from './ChoiceList';

export const NAMESPACE_LABEL = 'Namespace';
export const NO_NAMESPACES_TITLE = 'No namespaces in your environments';

/**
 * The namespace the VM runs in. Only enabled namespaces of the environments the user may
 * request in are offered; the environment decides the approval rules and which templates
 * and sizes are offered.
 */
export function NamespaceStep(props: {
  namespaces: ShepherdNamespace[];
  value?: string;
  onChange: (namespace: string) => void;
  error?: string;
}) {
  const { namespaces, value, onChange, error } = props;
  return (
    <ChoiceList
      label={NAMESPACE_LABEL}
      value={value}
      onChange={onChange}
      error={error}
      empty={{
        title: NO_NAMESPACES_TITLE,
        description:
          'There is no enabled namespace in the environments (test, prod) you may request VMs in. Ask your platform team to register a namespace for your environment, or to give you access to an environment that has one.',
      }}
      choices={namespaces.map(namespace => ({
        value: namespace.name,
        title: (
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            {namespace.name}
            <EnvironmentChip environment={namespace.environment} />
          </Box>
        ),
        details: namespace.description || undefined,
      }))}
    />
  );
}
