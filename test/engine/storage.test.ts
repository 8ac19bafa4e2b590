import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFsStorage } from '../../src/backend/engine/storage';
import { tempFolder } from './helpers';

describe('the engine folder storage', () => {
  it('writes a chunk again after its document folder was moved aside', async () => {
    const root = await tempFolder();
    const storage = new AtomicFsStorage(root);
    const key = ['4Y9tEjxzhURxyg6nwKTyc295zuXt', 'incremental', 'aa'];
    await storage.save(key, new Uint8Array([1, 2, 3]));
    // What quarantining a document does: its folder goes elsewhere, the storage still remembers it.
    await rename(storage.documentFolder(key[0]!), path.join(root, 'moved-aside'));
    await storage.save(key, new Uint8Array([4, 5]));
    expect([...(await readFile(storage.chunkPath(key)))]).toEqual([4, 5]);
  });
});
