/** Raft messages of @tributary/raft ⇄ `tributary.raft.v1.Message` on the wire. */
import { message, type Entry, type Message, type MessageType } from '@tributary/raft';
import type {
  Message__Output as WireMessageOut,
  Message as WireMessage,
} from '@tributary/rpc/src/generated/tributary/raft/v1/Message';
import type { Entry__Output as WireEntryOut } from '@tributary/rpc/src/generated/tributary/raft/v1/Entry';

type WireType = NonNullable<WireMessage['type']> & string;

const TO_WIRE: Partial<Record<MessageType, WireType>> = {
  app: 'MESSAGE_TYPE_APPEND',
  'app-resp': 'MESSAGE_TYPE_APPEND_RESPONSE',
  vote: 'MESSAGE_TYPE_VOTE',
  'vote-resp': 'MESSAGE_TYPE_VOTE_RESPONSE',
  'pre-vote': 'MESSAGE_TYPE_PRE_VOTE',
  'pre-vote-resp': 'MESSAGE_TYPE_PRE_VOTE_RESPONSE',
  heartbeat: 'MESSAGE_TYPE_HEARTBEAT',
  'heartbeat-resp': 'MESSAGE_TYPE_HEARTBEAT_RESPONSE',
  snap: 'MESSAGE_TYPE_SNAPSHOT',
  'read-index': 'MESSAGE_TYPE_READ_INDEX',
  'read-index-resp': 'MESSAGE_TYPE_READ_INDEX_RESPONSE',
  'timeout-now': 'MESSAGE_TYPE_TIMEOUT_NOW',
  'transfer-leader': 'MESSAGE_TYPE_TRANSFER_LEADER',
  prop: 'MESSAGE_TYPE_PROPOSE',
};

const FROM_WIRE = new Map<string, MessageType>(
  Object.entries(TO_WIRE).map(([k, v]) => [v as string, k as MessageType]),
);

/** Encodes a message for the wire; a snapshot's data travels separately (InstallSnapshot). */
export function toWire(m: Message): WireMessage {
  const type = TO_WIRE[m.type];
  if (!type) throw new Error(`raft message type '${m.type}' is local and never sent`);
  return {
    type,
    from: m.from,
    to: m.to,
    term: m.term,
    log_term: m.logTerm,
    index: m.index,
    entries: m.entries.map((e) => ({
      term: e.term,
      index: e.index,
      type: e.type === 'normal' ? 'ENTRY_TYPE_NORMAL' : 'ENTRY_TYPE_CONF_CHANGE',
      data: e.data as Buffer,
    })),
    commit: m.commit,
    reject: m.reject,
    reject_hint: m.rejectHint,
    context: m.context ? Buffer.from(m.context, 'utf8') : Buffer.alloc(0),
  };
}

/** Decodes a wire message; returns an error sentence for anything malformed. */
export function fromWire(w: WireMessageOut): Message | string {
  const type = FROM_WIRE.get(w.type);
  if (!type || type === 'snap') return `unexpected raft message type ${w.type}`;
  if (!(w.from > 0) || !(w.to > 0)) return `raft message without from/to (${w.from} → ${w.to})`;
  const entries: Entry[] = new Array(w.entries.length);
  for (let k = 0; k < w.entries.length; k++) {
    const e = w.entries[k] as WireEntryOut;
    entries[k] = {
      term: e.term,
      index: e.index,
      type: e.type === 'ENTRY_TYPE_CONF_CHANGE' ? 'conf-change' : 'normal',
      data: e.data,
    };
  }
  return message({
    type,
    from: w.from,
    to: w.to,
    term: w.term,
    logTerm: w.log_term,
    index: w.index,
    entries,
    commit: w.commit,
    reject: w.reject,
    rejectHint: w.reject_hint,
    context: w.context.length > 0 ? w.context.toString('utf8') : '',
  });
}
