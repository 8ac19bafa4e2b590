/**
 * The record's own value for `key`, never an inherited one: item ids such as "constructor" or
 * "toString" are valid, and `record[id]` would otherwise return Object.prototype's function.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
