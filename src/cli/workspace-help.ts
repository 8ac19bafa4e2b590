const WHERE = '<where> is a workspace folder, or a team server address (https://…) with --key';

export const WORKSPACE_HELP: Record<string, string> = {
  import: `milepael import <where> <file.json> [--key KEY]\n  Adds a municipality file (as written by "milepael new") and prints its id.\n  ${WHERE}.`,
  edit: `milepael edit <where> --municipality <id|name> --item <itemId> [--status S] [--owner O] [--note TEXT] --as "<name>" [--key KEY]\n  Applies one change through the engine and exits when it is stored (folder) or acknowledged (server).\n  S is not_started, in_progress, in_place or not_relevant. ${WHERE}.`,
  export: `milepael export <where> --municipality <id|name> --out FILE [--key KEY]\n  Writes the municipality as a JSON municipality file. ${WHERE}.`,
  log: `milepael log <where> --municipality <id|name> [--json] [--key KEY]\n  Prints the change log: who, when, what. ${WHERE}.`,
};
