import {
  ShepherdInstanceSize,
  ShepherdNamespace,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import { titleWithName } from '../common';
import { ChoiceList } from './ChoiceList';
import { InstanceSizeFacts, unusableReasonsOf } from './InstanceSizeFacts';

export const INSTANCE_SIZE_LABEL = 'Instance size';
export const NO_INSTANCE_SIZES_TITLE = 'No instance sizes offered here';

/**
 * The hardware: CPU, memory, disk and the capabilities the VM needs of its cluster. Sizes
 * that cannot be used in the namespace's environment are disabled and say why.
 */
export function InstanceSizeStep(props: {
  namespace: ShepherdNamespace;
  sizes: ShepherdInstanceSize[];
  value?: string;
  onChange: (instanceSizeId: string) => void;
  error?: string;
}) {
  const { namespace, sizes, value, onChange, error } = props;
  return (
    <ChoiceList
      label={INSTANCE_SIZE_LABEL}
      value={value}
      onChange={onChange}
      error={error}
      empty={{
        title: NO_INSTANCE_SIZES_TITLE,
        description: `No instance size is offered in the ${namespace.environment} environment of ${namespace.name}. Your platform team publishes sizes for each environment.`,
      }}
      choices={sizes.map(size => ({
        value: size.id,
        // A size the backend would refuse is shown, with why, but cannot be chosen.
        disabled: unusableReasonsOf(size, namespace.environment).length > 0,
        title: titleWithName(size),
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
