import { stat, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** An expected refusal: dispatch shows it to the user as it is. */
export function refuse(message: string): never {
  throw { code: 'invalid_input', message };
}

/**
 * A shared folder must exist, be a folder and take a file: a folder Milepæl cannot write to
 * would otherwise fail only at the first change, far from the place where it was chosen.
 */
export async function checkSharedFolder(folder: string): Promise<string> {
  if (!path.isAbsolute(folder)) {
    refuse(`Skriv hele stien til mappen, fx /mnt/faelles/milepael eller \\\\server\\del\\milepael – ikke "${folder}". (Enter the full path of the folder.)`);
  }
  const resolved = path.resolve(folder);
  const info = await stat(resolved).catch(() => null);
  if (info === null) refuse(`Mappen ${resolved} findes ikke. Opret den først, eller ret stien. (The folder does not exist: create it first or correct the path.)`);
  if (!info.isDirectory()) refuse(`${resolved} er en fil, ikke en mappe. Vælg den mappe, filen ligger i. (This is a file, not a folder.)`);
  const probe = path.join(resolved, `.milepael-skrivetest-${process.pid}-${Date.now()}`);
  try {
    await writeFile(probe, '');
  } catch {
    refuse(`Milepæl kan ikke skrive i mappen ${resolved}. Vælg en mappe, du har skriveadgang til, eller bed din IT-afdeling om adgang. (Milepæl cannot write in this folder: choose one you may write to, or ask for access.)`);
  }
  await rm(probe, { force: true });
  return resolved;
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * The team server's address as the sync connection uses it (ws:// or wss://). http(s) is
 * accepted as people copy it from the server's start message. Like the server, which refuses to
 * listen beyond this computer without TLS, the app refuses to send a key unencrypted over a network.
 */
export function checkServerAddress(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    refuse(`"${raw}" er ikke en adresse. Skriv den som https://server.kommune.dk:8740 – som den står, når teamserveren starter. (Not an address: write it as https://server:8740.)`);
  }
  const protocol = { 'http:': 'ws:', 'https:': 'wss:', 'ws:': 'ws:', 'wss:': 'wss:' }[url.protocol];
  if (protocol === undefined) refuse(`Adressen skal begynde med https:// (eller wss://), ikke ${url.protocol}//. (The address must start with https:// or wss://.)`);
  if (url.username !== '' || url.password !== '') refuse('Skriv ikke brugernavn eller nøgle i adressen; nøglen har sit eget felt. (Do not put a user name or key in the address.)');
  if (protocol === 'ws:' && !LOOPBACK.has(url.hostname)) {
    refuse(
      `Adressen ${url.host} er uden kryptering (${url.protocol}//), så din personlige nøgle ville kunne læses på netværket. Brug https://${url.host} – teamserveren skal da startes med --tls-cert og --tls-key. (Unencrypted address: your key could be read on the network; use https://, with the server started with --tls-cert and --tls-key.)`,
    );
  }
  url.protocol = protocol;
  url.hash = '';
  url.search = '';
  return url.toString().replace(/\/$/, '');
}

/** A key travels in a header: it cannot hold spaces or line breaks (a pasted key often does). */
export function checkKey(key: string | undefined): string {
  const trimmed = key?.trim() ?? '';
  if (trimmed === '') refuse('Skriv din personlige nøgle – den, du fik, da du blev tilføjet med "milepael team add". (Enter your personal key.)');
  if (!/^[\x21-\x7e]+$/.test(trimmed)) refuse('Nøglen indeholder mellemrum eller tegn, der ikke hører til. Kopiér den igen, helst fra en linje for sig selv. (The key contains spaces or stray characters; copy it again.)');
  return trimmed;
}
