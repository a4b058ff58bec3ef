/** Where a store connects: a libSQL URL (`file:path.db`, `:memory:`, a libSQL server) and its token. */
export interface ConnectionTarget {
  url: string;
  authToken?: string;
}
