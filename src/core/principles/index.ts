export * from '../schema/principles';
export * from './signs';
export * from './fidelity';
