import { swarmPart } from './swarm-part';

swarmPart(1);
