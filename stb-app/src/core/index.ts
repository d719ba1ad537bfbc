export * from './backoff';
export * from './box-config';
export * from './box-session';
export * from './emitter';
export * from './mail';
export * from './mailbox';
export * from './outbox';
export * from './ports';
