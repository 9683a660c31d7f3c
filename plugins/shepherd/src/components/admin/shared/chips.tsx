import { CatalogScope } from '@kubevirt-shepherd/plugin-shepherd-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';

/** Who a catalog scope offers a template or an instance size to. */
export const CATALOG_SCOPE_DESCRIPTIONS: Record<CatalogScope, string> = {
  unclassified: 'Offered to nobody until classified',
  test: 'Offered for namespaces of the test environment',
  prod: 'Offered for namespaces of the prod environment',
  all: 'Offered in every environment',
};

/** A catalog scope in the API's words, with whom it offers the item to. */
export function CatalogScopeChip(props: { scope: CatalogScope }) {
  const { scope } = props;
  return (
    <Tooltip title={CATALOG_SCOPE_DESCRIPTIONS[scope]}>
      <Chip
        size="small"
        label={scope}
        variant={scope === 'unclassified' ? 'outlined' : 'default'}
      />
    </Tooltip>
  );
}

/** Whether a catalog entry is enabled. */
export function EnabledChip(props: { enabled: boolean }) {
  return (
    <Chip
      size="small"
      label={props.enabled ? 'enabled' : 'disabled'}
      color={props.enabled ? 'primary' : 'default'}
      variant={props.enabled ? 'default' : 'outlined'}
    />
  );
}
