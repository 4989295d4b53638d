"""RecordBatch encoding for Python producers and consumers (records.proto, docs/contract.md).

A producer serializes a RecordSet, computes CRC-32C (Castagnoli) over exactly those bytes and
sends them as RecordBatch.records; the broker checks the CRC and stores the batch as sent. A
consumer gets batches back as stored and decodes them itself. Uncompressed and gzip batches
are read here; zstd and lz4 need libraries outside Python's standard one.
"""
import gzip
import time

import tributary_client  # noqa: F401  (puts the generated gen/ on sys.path)
from tributary.broker.v1 import records_pb2


def _crc32c_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1  # reflected Castagnoli polynomial
        table.append(c)
    return table


_TABLE = _crc32c_table()


def crc32c(data):
    """CRC-32C of `data` as an unsigned 32-bit int (check value: b'123456789' → 0xE3069283)."""
    crc = 0xFFFFFFFF
    for byte in data:
        crc = _TABLE[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def build_batch(values, key=None, headers=(), timestamp_ms=None):
    """One uncompressed, non-idempotent RecordBatch holding `values` (bytes) in order."""
    now_ms = int(time.time() * 1000) if timestamp_ms is None else timestamp_ms
    record_set = records_pb2.RecordSet(
        records=[
            records_pb2.Record(
                offset_delta=i,
                key=key,
                value=value,
                headers=[records_pb2.Header(key=k, value=v) for k, v in headers],
            )
            for i, value in enumerate(values)
        ]
    )
    payload = record_set.SerializeToString()
    return records_pb2.RecordBatch(
        record_count=len(values),
        compression=records_pb2.COMPRESSION_NONE,
        first_timestamp_ms=now_ms,
        max_timestamp_ms=now_ms,
        crc32c=crc32c(payload),
        records=payload,
    )


def read_batch(batch):
    """The records of a fetched batch as (offset, timestamp_ms, key, value, headers) tuples."""
    if crc32c(batch.records) != batch.crc32c:
        raise ValueError(f'batch at offset {batch.base_offset}: CRC-32C mismatch')
    payload = batch.records
    if batch.compression == records_pb2.COMPRESSION_GZIP:
        payload = gzip.decompress(payload)
    elif batch.compression not in (records_pb2.COMPRESSION_NONE, records_pb2.COMPRESSION_UNSPECIFIED):
        name = records_pb2.Compression.Name(batch.compression)
        raise ValueError(f'batch at offset {batch.base_offset}: {name} is not supported here')
    record_set = records_pb2.RecordSet.FromString(payload)
    return [
        (
            batch.base_offset + r.offset_delta,
            batch.first_timestamp_ms + r.timestamp_delta_ms,
            r.key if r.HasField('key') else None,
            r.value if r.HasField('value') else None,
            [(h.key, h.value) for h in r.headers],
        )
        for r in record_set.records
    ]
