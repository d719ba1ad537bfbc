export * from './fleet';
export * from './sim-box';
