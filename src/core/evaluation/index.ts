export * from './definition';
export * from './data';
export * from './results';
export * from './phase';
export * from './aggregate';
export * from './edits';
