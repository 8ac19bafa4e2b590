export * from './options';
export * from './labels';
export * from './model';
export * from './charts';
export * from './markdown';
export * from './html';
