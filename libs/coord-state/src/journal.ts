// The write journal of one command. Every mutation of replicated state registers its inverse
// here, so a command that fails half-way (a transaction whose third op is refused) is rolled
// back exactly and "a failed command changes nothing". It also collects the command's watch
// events and the lock names whose holder may have changed.

import { assert } from './assert';
import type { WatchEvent } from './watch-history';

export class Journal {
  /** The revision this command's changes get if it commits (current revision + 1). */
  readonly revision: number;
  readonly events: WatchEvent[] = [];
  /** Lock name → holder key before this command first touched the queue. */
  readonly lockHoldersBefore = new Map<string, string | undefined>();
  /** Lock keys that left their queue (released, withdrawn, or their session ended). */
  readonly lockKeysRemoved: string[] = [];
  /** The controller's decisions worth a log line (see ApplyOutput.controllerNotes). */
  readonly notes: string[] = [];
  private readonly undos: Array<() => void> = [];
  private done = false;

  constructor(revision: number) {
    assert(
      Number.isSafeInteger(revision) && revision >= 1,
      'journal revision is a positive integer',
    );
    this.revision = revision;
  }

  onUndo(undo: () => void): void {
    assert(!this.done, 'journal written after commit or rollback');
    this.undos.push(undo);
  }

  emit(event: WatchEvent): void {
    assert(event.revision === this.revision, 'event revision equals the journal revision');
    this.events.push(event);
  }

  touchLock(name: string, holder: string | undefined): void {
    if (!this.lockHoldersBefore.has(name)) this.lockHoldersBefore.set(name, holder);
  }

  rollback(): void {
    assert(!this.done, 'journal rolled back twice');
    for (let i = this.undos.length - 1; i >= 0; i--) this.undos[i]();
    this.done = true;
  }

  commit(): void {
    assert(!this.done, 'journal committed twice');
    this.done = true;
  }
}
