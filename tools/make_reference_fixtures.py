"""Writes the PyTorch reference fixtures for the engine's whole-network parity tests.

Command (from the repository root, Debian's Python with python3-torch and python3-numpy):

    /usr/bin/python3 tools/make_reference_fixtures.py

Output: engine/src/test/resources/reference/<case>/ with model.safetensors, input.npy, logits.npy,
act_<module path>.npy and meta.json (see tools/README.md). Deterministic: a second run rewrites
byte-identical files. The Java tests read these files and never need Python.
"""
import json
import struct
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference_models as rm  # noqa: E402

OUT_DIR = Path(__file__).resolve().parent.parent / "engine" / "src" / "test" / "resources" / "reference"

# name, arch, width, stored dtype, input shape, hooked module paths (+ pre_logits), weight seed, input seed
CASES = [
    ("v1_025", "mobilenetv1", 0.25, "F32", (1, 3, 96, 96),
     ["bn1", "blocks.0.0", "blocks.1.1", "blocks.4.1"], 101, 201),
    ("v2_035", "mobilenetv2", 0.35, "F32", (1, 3, 96, 96),
     ["bn1", "blocks.0.0", "blocks.1.1", "blocks.6.0"], 102, 202),
    ("v3l_035", "mobilenetv3_large", 0.35, "F16", (1, 3, 96, 96),
     ["bn1", "blocks.0.0", "blocks.1.1", "blocks.4.1", "blocks.6.0"], 103, 203),
    ("v3s_050", "mobilenetv3_small", 0.5, "BF16", (1, 3, 128, 96),
     ["bn1", "blocks.0.0", "blocks.1.1", "blocks.2.1", "blocks.5.0"], 104, 204),
]
NUM_CLASSES = 10

TORCH_DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16}


def tensor_bytes(t, dtype):
    """Little-endian raw bytes of `t` stored as safetensors `dtype`."""
    t = t.detach().contiguous()
    if dtype == "I64":
        return t.numpy().astype("<i8").tobytes()
    if dtype == "BF16":  # numpy has no bfloat16: reinterpret the 16-bit patterns
        return t.to(torch.bfloat16).view(torch.int16).numpy().astype("<i2").tobytes()
    return t.to(TORCH_DTYPES[dtype]).numpy().astype("<f2" if dtype == "F16" else "<f4").tobytes()


def write_safetensors(path, state, float_dtype):
    """safetensors file: u64 LE header length, JSON header padded with spaces to a multiple of 8,
    then the tensors' bytes in state_dict order. Float tensors stored as `float_dtype`, ints as I64."""
    header = {"__metadata__": {"format": "pt"}}
    chunks = []
    offset = 0
    for name, t in state.items():
        dtype = "I64" if t.dtype == torch.int64 else float_dtype
        data = tensor_bytes(t, dtype)
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for data in chunks:
            f.write(data)


def round_to_storage(model, float_dtype):
    """Replace every float tensor by its value after a round trip through the stored dtype, so the
    reference is computed with exactly the weights a reader of the file sees."""
    with torch.no_grad():
        for t in model.state_dict().values():
            if t.is_floating_point():
                t.copy_(t.to(TORCH_DTYPES[float_dtype]).to(torch.float32))


def run_with_hooks(model, x, paths):
    """Logits plus the outputs of the named modules and the classifier's input (`pre_logits`)."""
    acts = {}
    handles = []
    for p in paths:
        hook = (lambda name: lambda mod, inp, out: acts.__setitem__(name, out.detach().clone()))(p)
        handles.append(model.get_submodule(p).register_forward_hook(hook))
    handles.append(model.classifier.register_forward_pre_hook(
        lambda mod, inp: acts.__setitem__("pre_logits", inp[0].detach().clone())))
    with torch.no_grad():
        logits = model(x)
    for h in handles:
        h.remove()
    return logits, acts


def save_npy(path, t):
    np.save(path, np.ascontiguousarray(t.numpy().astype("<f4")), allow_pickle=False)


def make_case(name, arch, width, float_dtype, shape, paths, weight_seed, input_seed):
    model = rm.init_reference_weights(rm.create_model(arch, width, NUM_CLASSES), weight_seed)
    round_to_storage(model, float_dtype)
    x = torch.randn(shape, generator=torch.Generator().manual_seed(input_seed))
    logits, acts = run_with_hooks(model, x, paths)

    case_dir = OUT_DIR / name
    case_dir.mkdir(parents=True, exist_ok=True)
    for stale in case_dir.glob("act_*.npy"):
        stale.unlink()
    write_safetensors(case_dir / "model.safetensors", model.state_dict(), float_dtype)
    save_npy(case_dir / "input.npy", x)
    save_npy(case_dir / "logits.npy", logits)
    names = paths + ["pre_logits"]
    for n in names:
        save_npy(case_dir / f"act_{n}.npy", acts[n])
    meta = {
        "arch": arch,
        "width": width,
        "numClasses": NUM_CLASSES,
        "dtype": float_dtype,
        "inputShape": list(shape),
        "params": sum(p.numel() for p in model.parameters()),
        "activations": names,
        "torch": torch.__version__,
    }
    (case_dir / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    size = sum(f.stat().st_size for f in case_dir.iterdir())
    print(f"{name}: {arch} width {width} {float_dtype} params {meta['params']:,} "
          f"logits {[round(v, 4) for v in logits[0].tolist()]} -> {size:,} bytes")
    return size


def main():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    total = sum(make_case(*case) for case in CASES)
    print(f"total {total:,} bytes in {OUT_DIR}")


if __name__ == "__main__":
    main()
