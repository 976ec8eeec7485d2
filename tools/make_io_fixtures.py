#!/usr/bin/python3
"""Writes the small interoperability fixtures for the engine's safetensors and .npy readers.

Run from the repository root with Debian's python3 (numpy + torch, no `safetensors` package needed):
    /usr/bin/python3 tools/make_io_fixtures.py

Outputs (committed, a few KB) in engine/src/test/resources/checkpoint/:
  dtypes.safetensors   hand-assembled safetensors file. For float16 and bfloat16 it stores a set of
                       bit patterns covering every exponent (zeros, subnormals, normals, inf, NaN with
                       payloads, both signs) next to the float32 values numpy (F16) and torch (BF16)
                       convert them to, so the Java conversion is checked against those libraries.
                       Header entries are deliberately in a different order from the data, the header
                       carries "__metadata__" and is padded with spaces, like the files on the hub.
  numpy_*.npy          arrays written by numpy's own np.save / write_array.
"""
import json
import os
import struct

import numpy as np
import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "engine", "src", "test", "resources", "checkpoint")

# every sign and exponent, with mantissas that hit the edges (0, 1, all ones) and a few in between
F16_MANTISSAS = [0x000, 0x001, 0x002, 0x003, 0x155, 0x1FF, 0x200, 0x2AA, 0x3FE, 0x3FF]
BF16_MANTISSAS = [0x00, 0x01, 0x02, 0x2A, 0x40, 0x55, 0x7E, 0x7F]


def f16_patterns():
    return np.array([(s << 15) | (e << 10) | m for s in (0, 1) for e in range(32) for m in F16_MANTISSAS],
                    dtype=np.uint16)


def bf16_patterns():
    return np.array([(s << 15) | (e << 7) | m for s in (0, 1) for e in range(256) for m in BF16_MANTISSAS],
                    dtype=np.uint16)


def write_safetensors(path, tensors, header_order, metadata):
    """tensors: list of (name, dtype string, shape, raw little-endian bytes) in DATA order."""
    offsets = {}
    data = bytearray()
    for name, dtype, shape, raw in tensors:
        offsets[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    header = {"__metadata__": metadata}
    for name in header_order:
        header[name] = offsets[name]
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)

    f16 = f16_patterns()
    f16_as_f32 = f16.view(np.float16).astype(np.float32)  # numpy's own half -> float conversion
    bf16 = bf16_patterns()
    bf16_as_f32 = torch.from_numpy(bf16.view(np.int16)).view(torch.bfloat16).float().numpy()  # torch's conversion
    f64 = np.array([[0.1, -2.5], [1e300, 2.0 ** -149]], dtype=np.float64)
    weights = np.arange(6, dtype=np.float32).reshape(2, 3) / 4

    tensors = [
        ("f16_bits", "F16", f16.shape, f16.astype("<u2").tobytes()),
        ("f16_as_f32", "F32", f16.shape, f16_as_f32.astype("<f4").tobytes()),
        ("bf16_bits", "BF16", bf16.shape, bf16.astype("<u2").tobytes()),
        ("bf16_as_f32", "F32", bf16.shape, bf16_as_f32.astype("<f4").tobytes()),
        ("bn1.num_batches_tracked", "I64", (), struct.pack("<q", 12345)),
        ("f64", "F64", f64.shape, f64.astype("<f8").tobytes()),
        ("conv.weight", "F32", weights.shape, weights.astype("<f4").tobytes()),
    ]
    order = ["conv.weight", "bn1.num_batches_tracked", "f64", "bf16_as_f32", "f16_bits", "bf16_bits", "f16_as_f32"]
    write_safetensors(os.path.join(OUT, "dtypes.safetensors"), tensors, order, {"format": "pt"})

    np.save(os.path.join(OUT, "numpy_f4_2x3.npy"),
            np.array([[0.0, 0.25, -1.5], [1e-3, 65504.0, -0.0]], dtype=np.float32))
    np.save(os.path.join(OUT, "numpy_f8_4.npy"), np.array([0.1, -2.5, 1e300, 2.0 ** -149], dtype=np.float64))
    np.save(os.path.join(OUT, "numpy_f2_scalar.npy"), np.array(-2.0, dtype=np.float16))
    np.save(os.path.join(OUT, "numpy_f4_big_endian.npy"), np.array([1.0, -2.0, 0.5], dtype=">f4"))
    np.save(os.path.join(OUT, "numpy_f4_empty.npy"), np.zeros((0, 3), dtype=np.float32))
    np.save(os.path.join(OUT, "numpy_f4_fortran.npy"), np.asfortranarray(weights))
    np.save(os.path.join(OUT, "numpy_i4.npy"), np.arange(3, dtype=np.int32))
    with open(os.path.join(OUT, "numpy_f4_v2.npy"), "wb") as f:
        np.lib.format.write_array(f, weights, version=(2, 0))


if __name__ == "__main__":
    main()
