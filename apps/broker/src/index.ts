/** @tributary/broker: the broker process (DESIGN §5). */
export { startBroker, type Broker } from './broker';
export { parseCoordinators, resolveOptions, type BrokerOptions } from './options';
