export * from './definition';
export * from './data';
export * from './results';
