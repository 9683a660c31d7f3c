import { EmptyState } from '@backstage/core-components';
import {
  ShepherdInstanceSize,
  ShepherdNamespace,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import { ChoiceList } from './ChoiceList';
import { InstanceSizeFacts } from './InstanceSizeFacts';

export const INSTANCE_SIZE_LABEL = 'Instance size';
export const NO_INSTANCE_SIZES_TITLE = 'No instance sizes offered here';

/** `Small (small)`, or the name alone. */
export function sizeTitle(size: ShepherdInstanceSize): string {
  return size.displayName && size.displayName !== size.name
    ? `${size.displayName} (${size.name})`
    : size.name;
}

/** The hardware: CPU, memory, disk and the capabilities the VM needs of its cluster. */
export function InstanceSizeStep(props: {
  namespace: ShepherdNamespace;
  sizes: ShepherdInstanceSize[];
  value?: string;
  onChange: (instanceSizeId: string) => void;
  error?: string;
}) {
  const { namespace, sizes, value, onChange, error } = props;
  if (sizes.length === 0) {
    return (
      <EmptyState
        missing="data"
        title={NO_INSTANCE_SIZES_TITLE}
        description={`No instance size is offered in the ${namespace.environment} environment of ${namespace.name}. Your platform team publishes sizes for each environment.`}
      />
    );
  }
  return (
    <ChoiceList
      label={INSTANCE_SIZE_LABEL}
      value={value}
      onChange={onChange}
      error={error}
      choices={sizes.map(size => ({
        value: size.id,
        title: sizeTitle(size),
        details: (
          <Box>
            {size.description && <div>{size.description}</div>}
            <InstanceSizeFacts
              size={size}
              environment={namespace.environment}
            />
          </Box>
        ),
      }))}
    />
  );
}
