// For tests that speak gRPC over raw HTTP/2 (node:http2), where a grpc-js client would hide
// what they test: grpc-js buffers its writes without bound and reads answers nobody asked for.

/** gRPC length-prefixed message framing: uncompressed flag, 4-byte length, message. */
export function grpcFrame(message: Buffer): Buffer {
  const frame = Buffer.alloc(5 + message.length);
  frame.writeUInt32BE(message.length, 1);
  message.copy(frame, 5);
  return frame;
}

/** Whether `stream` emits 'drain' within `timeoutMs`. */
export function drained(stream: NodeJS.WritableStream, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    stream.once('drain', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
