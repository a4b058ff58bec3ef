/**
 * The slice of `pg.Pool` the store uses, described structurally so that the public types do not
 * pull in pg's: pass the `Pool` the host already has.
 */
export interface PgPoolLike {
  connect: (...args: never[]) => Promise<unknown>;
  query: (...args: never[]) => Promise<unknown>;
  end: () => Promise<void>;
}

/** True for `postgres://` and `postgresql://` URLs. */
export function isPostgresUrl(url: string): boolean {
  return url.startsWith("postgres://") || url.startsWith("postgresql://");
}

/** A PostgreSQL schema name the store can live in: a plain identifier. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The URL without its password, for messages and `store.url`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ":***@");
  }
}
