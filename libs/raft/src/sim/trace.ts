import type { Message } from '../types';

/** A bounded ring of recent events, formatted only when a run fails. */
export class Trace {
  private readonly events: Array<{ tick: number; text: string | Message }>;
  private next = 0;
  private count = 0;

  constructor(private readonly capacity: number) {
    this.events = new Array(capacity);
  }

  note(tick: number, text: string): void {
    this.push(tick, text);
  }

  deliver(tick: number, m: Message): void {
    this.push(tick, m);
  }

  private push(tick: number, text: string | Message): void {
    this.events[this.next] = { tick, text };
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  format(): string {
    const lines: string[] = [];
    const start = (this.next - this.count + this.capacity) % this.capacity;
    for (let k = 0; k < this.count; k++) {
      const ev = this.events[(start + k) % this.capacity];
      if (!ev) continue;
      const text = typeof ev.text === 'string' ? ev.text : formatMessage(ev.text);
      lines.push(`t=${String(ev.tick).padStart(4)} ${text}`);
    }
    return lines.join('\n');
  }
}

export function formatMessage(m: Message): string {
  let s = `${m.from}->${m.to} ${m.type} term=${m.term}`;
  switch (m.type) {
    case 'app':
      s += ` prev=${m.index}/${m.logTerm} n=${m.entries.length} commit=${m.commit}`;
      if (m.entries.length > 0) {
        const last = m.entries[m.entries.length - 1];
        s += ` last=${last?.index}/${last?.term}`;
      }
      return s;
    case 'app-resp':
      return s + ` index=${m.index}${m.reject ? ` REJECT hint=${m.rejectHint}/${m.logTerm}` : ''}`;
    case 'vote':
    case 'pre-vote':
      return s + ` last=${m.index}/${m.logTerm}${m.context ? ' forced' : ''}`;
    case 'vote-resp':
    case 'pre-vote-resp':
      return s + (m.reject ? ' REJECT' : ' granted');
    case 'heartbeat':
      return s + ` commit=${m.commit}${m.context ? ` ctx=${m.context}` : ''}`;
    case 'snap':
      return s + ` snap=${m.snapshot?.metadata.index}/${m.snapshot?.metadata.term}`;
    case 'read-index-resp':
      return s + ` index=${m.index} ctx=${m.context}`;
    default:
      return s + (m.context ? ` ctx=${m.context}` : '');
  }
}
