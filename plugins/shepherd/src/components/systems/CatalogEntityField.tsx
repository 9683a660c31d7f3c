import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { CatalogApi, catalogApiRef } from '@backstage/plugin-catalog-react';
import CircularProgress from '@material-ui/core/CircularProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';

/** How many catalog entities the field offers at a time. */
export const CATALOG_OPTION_LIMIT = 20;
/** How long typing pauses before the catalog is searched. */
const CATALOG_SEARCH_DEBOUNCE_MS = 300;
/** Only what the options show is read from the catalog. */
const OPTION_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'spec.type',
];

/** A catalog filter, as `catalogApi.queryEntities` takes it. */
export type CatalogFilter = NonNullable<
  Extract<
    NonNullable<Parameters<CatalogApi['queryEntities']>[0]>,
    { filter?: unknown }
  >['filter']
>;

/** The ref the backend is sent for an entity: `system:default/payments`. */
export function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

function EntityOption(props: { entity: Entity }) {
  const { entity } = props;
  return (
    <div>
      <Typography variant="body2">
        {entity.metadata.title ?? entity.metadata.name}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {refOf(entity)}
        {entity.metadata.description ? ` · ${entity.metadata.description}` : ''}
      </Typography>
    </div>
  );
}

function useCatalogOptions(
  catalogApi: CatalogApi | undefined,
  filter: CatalogFilter,
  input: string,
) {
  const [term, setTerm] = useState(input);
  useDebounce(() => setTerm(input), CATALOG_SEARCH_DEBOUNCE_MS, [input]);
  // A full ref (it has a colon) finds nothing by text: then list without a term.
  const text = term.includes(':') ? '' : term.trim();
  return useAsync(async () => {
    if (!catalogApi) {
      return [];
    }
    const response = await catalogApi.queryEntities({
      filter,
      fields: OPTION_FIELDS,
      limit: CATALOG_OPTION_LIMIT,
      orderFields: { field: 'metadata.name', order: 'asc' },
      ...(text
        ? {
            fullTextFilter: {
              term: text,
              fields: ['metadata.name', 'metadata.title'],
            },
          }
        : {}),
    });
    return response.items;
  }, [catalogApi, JSON.stringify(filter), text]);
}

/**
 * An entity ref, picked from the catalog (searched as the user types) or typed. Without a
 * catalog API in the app it is a plain text field. The value is always the text of the ref;
 * `onChange` also passes the entity when one was picked.
 */
export function CatalogEntityField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (ref: string, entity?: Entity) => void;
  filter: CatalogFilter;
  placeholder?: string;
  helperText?: ReactNode;
  error?: boolean;
  disabled?: boolean;
}) {
  const {
    id,
    label,
    value,
    onChange,
    filter,
    placeholder,
    helperText,
    error,
    disabled,
  } = props;
  const catalogApi = useApiHolder().get(catalogApiRef);
  const options = useCatalogOptions(catalogApi, filter, value);

  const textFieldProps = {
    label,
    placeholder,
    error,
    required: true,
    fullWidth: true,
    margin: 'dense' as const,
    variant: 'outlined' as const,
    helperText: options.error ? (
      <>
        The catalog could not be searched ({options.error.message}); type the
        entity ref.
        {helperText && <> {helperText}</>}
      </>
    ) : (
      helperText
    ),
  };

  if (!catalogApi) {
    return (
      <TextField
        {...textFieldProps}
        id={id}
        value={value}
        onChange={event => onChange(event.target.value)}
        disabled={disabled}
        autoComplete="off"
      />
    );
  }

  return (
    <Autocomplete<Entity, false, false, true>
      id={id}
      freeSolo
      disabled={disabled}
      options={options.value ?? []}
      loading={options.loading}
      filterOptions={entities => entities}
      getOptionLabel={option =>
        typeof option === 'string' ? option : refOf(option)
      }
      renderOption={entity => <EntityOption entity={entity} />}
      inputValue={value}
      onInputChange={(_event, text, reason) => {
        // A picked option sets the input too; its entity is passed by onChange below.
        if (reason === 'input' || reason === 'clear') {
          onChange(text);
        }
      }}
      onChange={(_event, picked) => {
        if (picked && typeof picked !== 'string') {
          onChange(refOf(picked), picked);
        } else {
          onChange(picked ?? '');
        }
      }}
      renderInput={params => (
        <TextField
          {...params}
          {...textFieldProps}
          InputProps={{
            ...params.InputProps,
            endAdornment: (
              <>
                {options.loading && <CircularProgress size={16} />}
                {params.InputProps.endAdornment}
              </>
            ),
          }}
        />
      )}
    />
  );
}
