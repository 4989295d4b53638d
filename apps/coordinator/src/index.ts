/** @tributary/coordinator: the consensus service process (DESIGN §3). */
export { startCoordinator, type Coordinator } from './coordinator';
export { parsePeers, resolveOptions, type CoordinatorOptions } from './options';
