import { PageRequest } from '../../paging';
import {
  CatalogScope,
  Page,
  ShepherdTemplate,
  TemplateStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';

export interface TemplatesStore {
  insert(template: ShepherdTemplate): Promise<void>;
  get(id: string): Promise<ShepherdTemplate | undefined>;
  getByName(name: string): Promise<ShepherdTemplate | undefined>;
  list(
    options: PageRequest & {
      statuses?: TemplateStatus[];
      catalogScopes?: CatalogScope[];
    },
  ): Promise<Page<ShepherdTemplate>>;
  /** Writes every field of the template (identified by its id) as given. */
  replace(template: ShepherdTemplate): Promise<void>;
  delete(id: string): Promise<void>;
}
