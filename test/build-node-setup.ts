// Tests that run the installed `milepael` command need out/node to match the sources.
export async function setup(): Promise<void> {
  // @ts-expect-error: a plain .mjs build script without type declarations
  const { buildNode, nodeBuildIsStale } = (await import('../scripts/build-node.mjs')) as { buildNode: () => Promise<void>; nodeBuildIsStale: () => Promise<boolean> };
  if (await nodeBuildIsStale()) await buildNode();
}
