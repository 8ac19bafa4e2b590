/** An expected failure of the workspace commands (unknown municipality, unreachable server), exit code 1. */
export class CliProblem extends Error {}
