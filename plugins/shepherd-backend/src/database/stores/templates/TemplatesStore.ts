import { NamedRecordStore } from '../../NamedRecordStore';
import { PageRequest } from '../../paging';
import {
  CatalogScope,
  Page,
  ShepherdTemplate,
  TemplateStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';

export interface TemplatesStore extends NamedRecordStore<ShepherdTemplate> {
  list(
    options: PageRequest & {
      statuses?: TemplateStatus[];
      catalogScopes?: CatalogScope[];
    },
  ): Promise<Page<ShepherdTemplate>>;
  /** Writes every field of the template (identified by its id) as given. */
  replace(template: ShepherdTemplate): Promise<void>;
}
