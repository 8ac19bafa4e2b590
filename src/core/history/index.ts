export * from './snapshot';
export * from './delta';
export * from './stale';
export * from './tally';
export * from './own';
