/** Help for the team-server commands, apart from their code so `milepael help` loads no engine. */
export const SERVE_HELP = [
  'milepael serve --workspace DIR [--port N] [--host ADDR] [--tls-cert FILE --tls-key FILE]',
  '  Runs a team server: apps connect with its address and a personal key ("milepael team add"),',
  '  and viewers open the read-only dashboard at https://ADDR:N/?key=THEIR-KEY in a browser.',
  '  --host defaults to 127.0.0.1 (this machine only); use the server\'s own address or 0.0.0.0 to',
  '  let others connect, and then always give --tls-cert and --tls-key (PEM files).',
  '  --port defaults to 8740. Stop with Ctrl-C.',
].join('\n');

export const TEAM_HELP = [
  'milepael team add "<name>" --workspace DIR --role editor|viewer [--municipality <id> ...]',
  '  Adds a person to the team server in DIR and prints their personal key once, on a line of its own.',
  '  Only a hash of the key is stored: a lost key cannot be shown again (remove and add the person).',
  '  Without --municipality the person sees every municipality on the server.',
  'milepael team list --workspace DIR [--json]',
  '  Lists the members with their role and municipalities (never keys).',
  'milepael team remove "<name>" --workspace DIR',
  '  Removes a person; a running server disconnects them within a second.',
].join('\n');
