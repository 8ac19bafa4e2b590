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

