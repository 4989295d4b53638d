/** @tributary/rpc: the gRPC plumbing every Tributary process and client shares. */
export * from './address';
export * from './channel-options';
export * from './client';
export * from './contract';
export * from './dev-certificates';
export * from './errors';
export * from './find-up';
export * from './handlers';
export * from './logging';
export * from './malformed';
export * from './observability';
export * from './ports';
export * from './principal';
export * from './process-security';
export * from './server';
export * from './tls';
export { decodeStatusDetails, encodeStatusDetails, type StatusDetails } from './status-details';
export * from './records';
