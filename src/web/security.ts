export { CONTENT_SECURITY_POLICY } from '../api/content-security-policy';
import { timingSafeEqual } from 'node:crypto';

/** Only these Host values reach us legitimately; anything else is DNS rebinding or a mistake. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** Browsers send Origin on cross-site requests; ours must be the same origin, or absent (curl, tests). */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}


/** Cookies are shared by every port of a host, so the name carries the port: two servers never mix tokens. */
export function tokenCookieName(port: number): string {
  return `milepael-token-${port}`;
}

/**
 * Keeps the token for bookmarks and new tabs after the first visit with the printed address.
 * HttpOnly: page scripts cannot read it; SameSite=Strict: no other site's page sends it;
 * no Domain: this host only.
 */
export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The value of one cookie in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
