export * from './approvalMatrix';
export * from './enums';
export * from './errors';
export * from './kubevirtLimits';
export * from './naming';
export * from './resources';
export * from './specOverrides';
export * from './vmOperations';
