export * from './conditions';
export * from './resources';
export * from './rules';
export * from './catalogEntities';
