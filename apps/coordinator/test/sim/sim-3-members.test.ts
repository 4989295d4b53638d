// Whole coordinators (Raft, state machine, storage and its recovery, peer guard, codec) over
// disks that lose unsynced writes, with crashes, partitions and message loss: 3 members.
import { simPart } from './sim-part';

simPart(3, 1, 600);
