export interface CatalogListRequest {
  offset: number;
  limit: number;
}
