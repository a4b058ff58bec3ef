import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const TOKEN_COOKIE = "autonomy_gate_console";

/** Per-server secrets: the access token (optional on loopback) and the nonce every form carries. */
export interface Guard {
  /** The reason a request is refused (status and message), or null when it may proceed. */
  refuse(req: IncomingMessage, url: URL): { status: number; message: string } | null;
  /** Whether the request carried the token in the query (the server then sets the cookie). */
  tokenInQuery(url: URL): boolean;
  readonly formNonce: string;
  checkNonce(value: string | null): boolean;
  cookie(): string | null;
}

const digest = (value: string) => createHash("sha256").update(value).digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/**
 * The console's request guard: the Host header must name the bound address (no DNS rebinding), a
 * configured token must be presented (bearer header, cookie, or `?token=` once), and every POST
 * carries the per-server form nonce (no cross-site form posts).
 */
export function createGuard(options: { token?: string | undefined; allowedHosts: () => string[] | null }): Guard {
  const formNonce = randomBytes(18).toString("base64url");
  const { token } = options;
  return {
    formNonce,
    refuse(req, url) {
      const host = req.headers.host ?? "";
      const allowed = options.allowedHosts();
      if (allowed !== null && !allowed.includes(host.toLowerCase())) return { status: 421, message: `Unexpected Host header ${JSON.stringify(host)}.` };
      if (token === undefined) return null;
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      const presented = bearer ?? url.searchParams.get("token") ?? cookieValue(req, TOKEN_COOKIE);
      if (presented === null || !same(presented, token)) return { status: 401, message: "This console needs its token: open it with ?token=… or send Authorization: Bearer …" };
      return null;
    },
    tokenInQuery: (url) => token !== undefined && url.searchParams.has("token"),
    checkNonce: (value) => value !== null && same(value, formNonce),
    cookie: () => (token === undefined ? null : `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`),
  };
}
