// Whole coordinators over disks that lose unsynced writes, with crashes, partitions and message
// loss: 5 members.
import { simPart } from './sim-part';

simPart(5, 100_001, 400);
