/**
 * One ProduceStream to one broker: many batches in flight on one bidi stream, each request
 * with a fresh `request_id`, each answer settling the callback waiting under its id. When the
 * stream breaks, every unanswered request fails with the stream's error (retriable UNAVAILABLE
 * when the transport gave no reason) and the stream stays failed: the producer opens another.
 */
import { status as Code } from '@grpc/grpc-js';
import type { ProduceRequest } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceRequest';
import type { ProduceResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceResponse';
import type { ProduceStreamRequest } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceStreamRequest';
import type { ProduceStreamResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceStreamResponse';
import { clientError, CoordinationError, fromCallError, fromStatusDetails } from './errors';

export type ProduceAnswer = (
  error: CoordinationError | undefined,
  response?: ProduceResponse__Output,
) => void;

/** The part of a grpc-js ClientDuplexStream this module uses. */
export interface ProduceCall {
  write(message: ProduceStreamRequest): boolean;
  end(): void;
  cancel(): void;
  on(event: 'data', listener: (response: ProduceStreamResponse__Output) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
}

export class ProduceStream {
  private readonly call: ProduceCall;
  private nextId = 1;
  private readonly pending = new Map<number, ProduceAnswer>();
  private failure: CoordinationError | undefined;

  constructor(
    readonly address: string,
    open: () => ProduceCall,
  ) {
    this.call = open();
    this.call.on('data', (r) => this.answer(r));
    this.call.on('error', (e) => this.fail(fromCallError(e)));
    this.call.on('end', () =>
      this.fail(
        new CoordinationError({
          code: Code.UNAVAILABLE,
          message: `broker ${address} ended the produce stream`,
          retriable: true,
        }),
      ),
    );
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  send(produce: ProduceRequest, answer: ProduceAnswer): void {
    if (this.failure) return answer(this.failure);
    const id = this.nextId++;
    this.pending.set(id, answer);
    // grpc-js buffers past the HTTP/2 window; the producer's in-flight bound limits how much.
    this.call.write({ request_id: id, produce });
  }

  close(): void {
    this.fail(clientError('CLIENT_CLOSED', 'the producer was closed'));
    this.call.cancel();
  }

  private answer(r: ProduceStreamResponse__Output): void {
    const answer = this.pending.get(r.request_id);
    if (!answer) return; // An id we never sent or already failed: nothing waits for it.
    this.pending.delete(r.request_id);
    if (r.response === 'produce' && r.produce) answer(undefined, r.produce);
    else if (r.status_details) answer(fromStatusDetails(r.status_details));
    else answer(clientError('PROTOCOL', `broker ${this.address} sent an empty produce answer`));
  }

  private fail(error: CoordinationError): void {
    if (this.failure) return;
    this.failure = unreachableIfBare(this.address, error);
    const answers = [...this.pending.values()];
    this.pending.clear();
    for (const answer of answers) answer(this.failure);
  }
}

/** A transport failure without a Tributary reason is a retriable UNAVAILABLE naming the broker. */
function unreachableIfBare(address: string, error: CoordinationError): CoordinationError {
  if (error.reason !== undefined) return error;
  return new CoordinationError({
    code: Code.UNAVAILABLE,
    message: `produce stream to ${address} failed: ${error.message}`,
    retriable: error.code !== Code.CANCELLED,
  });
}
