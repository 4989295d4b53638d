#!/usr/bin/env python3
"""Tributary from Python, over stubs generated from protos/ (see README.md beside this file).

Creates an ephemeral node holding "hello" on a session, creates a topic, produces records to
it as one RecordBatch and consumes them back, then closes the session (the node goes with it).

    python3 quickstart.py --bootstrap 127.0.0.1:9101 --coordinators 127.0.0.1:7101 hello world

Addresses default to TRIBUTARY_BOOTSTRAP and TRIBUTARY_COORDINATORS, as for `trib`.
"""
import argparse
import os

import grpc

from tributary_client import keep_alive, partition_leader, retrying
from tributary_records import build_batch, read_batch
from tributary.broker.v1 import broker_pb2, broker_pb2_grpc
from tributary.coord.v1 import coordination_pb2, coordination_pb2_grpc


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--bootstrap', default=os.environ.get('TRIBUTARY_BOOTSTRAP'))
    parser.add_argument('--coordinators', default=os.environ.get('TRIBUTARY_COORDINATORS'))
    parser.add_argument('--topic', default='test')
    parser.add_argument('--node', default='/test', help='path of the ephemeral node')
    parser.add_argument('--key', default=None, help='key of every record (default: none)')
    parser.add_argument('values', nargs='*', default=['hello'])
    args = parser.parse_args()
    if not args.bootstrap or not args.coordinators:
        parser.error('--bootstrap and --coordinators (or TRIBUTARY_BOOTSTRAP/_COORDINATORS) are required')

    # Any coordinator will do: followers forward writes to the leader.
    coord = coordination_pb2_grpc.CoordinationServiceStub(grpc.insecure_channel(args.coordinators.split(',')[0]))
    session = retrying(lambda: coord.OpenSession(coordination_pb2.OpenSessionRequest(ttl_ms=10_000)))
    stop_beats = keep_alive(coord, session.session_id, session.ttl_ms)
    node = coordination_pb2.CreateRequest(path=args.node, data=b'hello', ephemeral=True, session_id=session.session_id)
    created = retrying(lambda: coord.Create(node))
    print(f'session {session.session_id}: created ephemeral {created.path} = hello')

    bootstrap = broker_pb2_grpc.BrokerServiceStub(grpc.insecure_channel(args.bootstrap.split(',')[0]))
    try:
        bootstrap.CreateTopic(broker_pb2.CreateTopicRequest(name=args.topic, partitions=1))
        print(f'created topic {args.topic}')
    except grpc.RpcError as error:
        if error.code() != grpc.StatusCode.ALREADY_EXISTS:
            raise

    # Produce and Fetch go to the partition's leader.
    leader = broker_pb2_grpc.BrokerServiceStub(grpc.insecure_channel(partition_leader(bootstrap, args.topic, 0)))
    key = args.key.encode() if args.key is not None else None
    batch = build_batch([v.encode() for v in args.values], key=key, headers=[('lang', b'python')])
    produce = broker_pb2.ProduceRequest(topic=args.topic, partition=0, batch=batch, acks=broker_pb2.ACKS_ALL)
    base = retrying(lambda: leader.Produce(produce)).base_offset
    count = f'{len(args.values)} record' + ('' if len(args.values) == 1 else 's')
    print(f'produced {count} to {args.topic}/0 at offset {base}')

    fetch = broker_pb2.FetchRequest(topic=args.topic, partition=0, offset=base, max_wait_ms=1000)
    for batch in retrying(lambda: leader.Fetch(fetch)).batches:
        for offset, _, rkey, value, headers in read_batch(batch):
            if offset >= base:  # a batch may start before the offset asked for
                text = value.decode() if value is not None else None
                print(f'consumed {args.topic}/0@{offset} key={rkey!r} value={text} headers={headers}')

    stop_beats.set()
    coord.CloseSession(coordination_pb2.CloseSessionRequest(session_id=session.session_id))
    print(f'closed session {session.session_id}: {args.node} is gone')


if __name__ == '__main__':
    main()
