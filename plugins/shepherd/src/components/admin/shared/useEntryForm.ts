import { ShepherdWarning } from '@kubevirt-shepherd/plugin-shepherd-common';
import { useEffect, useState } from 'react';
import { useAction } from '../../common';

/**
 * The form of a catalog entry that is created or edited in the same dialog: its fields start
 * from the entry (or blank for a new one) at every opening, and saving creates the entry or
 * updates it. `save` takes what was checked of the fields along with them.
 */
export function useEntryForm<E extends { id: string }, F, C = void>(options: {
  open: boolean;
  /** The entry being edited; none while creating. */
  entry?: E;
  fieldsOf: (entry?: E) => F;
  create: (
    fields: F,
    checked: C,
  ) => Promise<{ item: E; warnings: ShepherdWarning[] }>;
  update: (entry: E, fields: F, checked: C) => Promise<E>;
  onSaved: (entry: E, warnings: ShepherdWarning[]) => void;
}) {
  const { open, entry, fieldsOf, create, update, onSaved } = options;
  const [fields, setFields] = useState<F>(() => fieldsOf(entry));
  const save = useAction(
    async (values: F, checked: C): Promise<[E, ShepherdWarning[]]> => {
      if (entry) return [await update(entry, values, checked), []];
      const created = await create(values, checked);
      return [created.item, created.warnings];
    },
  );

  useEffect(() => {
    setFields(fieldsOf(entry));
    save.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, entry?.id]);

  const set = <K extends keyof F>(key: K, value: F[K]) =>
    setFields(current => ({ ...current, [key]: value }));
  const submit = async (checked: C) => {
    const result = await save.run(fields, checked);
    if (result) onSaved(...result);
  };

  return { fields, setFields, set, save, submit, editing: entry !== undefined };
}
