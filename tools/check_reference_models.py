"""Checks tools/reference_models.py against the timm spec and the committed fixtures.

Command (from the repository root):

    /usr/bin/python3 tools/check_reference_models.py [--keys /work/shared/TIMM_KEYS.md]
        [--weights /work/shared/weights] [--timm /tmp/timmsrc]

1. At width 1.0 and 1000 classes every model's state_dict (names, order, shapes, dtypes) equals the
   complete key list in TIMM_KEYS.md, and the parameter counts equal timm's.
2. The real development checkpoints in --weights load with strict=True (own safetensors reader) and
   run on a zero image.
3. Every fixture under engine/src/test/resources/reference/ reads back (own reader, strict load) and
   reproduces its logits and activations exactly; prints how often each activation's clamps bite.
4. Optional --timm DIR (a checkout of timm's `timm` package, e.g. from `git archive`): builds timm's own
   models for several widths, compares keys and shapes, loads our weights into them strictly and
   compares logits, including on every fixture. Nothing from timm is stored in this repository.
Exits with status 1 on the first failed check.
"""
import argparse
import json
import re
import struct
import sys
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference_models as rm  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "engine" / "src" / "test" / "resources" / "reference"
TIMM_NAMES = {"mobilenetv1": "mobilenetv1_100", "mobilenetv2": "mobilenetv2_100",
              "mobilenetv3_large": "mobilenetv3_large_100", "mobilenetv3_small": "mobilenetv3_small_100"}
EXPECTED_PARAMS = {"mobilenetv1": 4231976, "mobilenetv2": 3504872,
                   "mobilenetv3_large": 5483032, "mobilenetv3_small": 2542856}
WEIGHT_FILES = {"mobilenetv1": "mobilenetv1_100.tflite-converted.safetensors",
                "mobilenetv2": "mobilenetv2_100.tflite-converted.safetensors",
                "mobilenetv3_small": "mobilenetv3_small_100.tflite-converted.safetensors"}


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def parse_timm_keys(path):
    """{timm name: ([(key, shape tuple, dtype)], params)} from the markdown's generated lists."""
    text = Path(path).read_text(encoding="utf-8")
    result = {}
    for section in re.split(r"^### ", text, flags=re.M)[1:]:
        name = section.split("\n", 1)[0].strip()
        params = int(re.search(r"\*\*([\d,]+) parameters\*\*", section).group(1).replace(",", ""))
        block = re.search(r"<details>.*?```\n(.*?)```", section, flags=re.S).group(1)
        keys = []
        for line in block.strip().splitlines():
            m = re.fullmatch(r"(\S+) \[([\d,]*)\]( I64)?", line.strip())
            if not m:
                fail(f"unparsed key line in {name}: {line!r}")
            shape = tuple(int(d) for d in m.group(2).split(",")) if m.group(2) else ()
            keys.append((m.group(1), shape, "I64" if m.group(3) else "F32"))
        result[name] = (keys, params)
    return result


def model_keys(model):
    return [(k, tuple(t.shape), "I64" if t.dtype == torch.int64 else "F32") for k, t in model.state_dict().items()]


def param_count(model):
    return sum(p.numel() for p in model.parameters())


def read_safetensors(path):
    """(header dict without __metadata__, {name: float32/int64 tensor}); checks offsets and sizes."""
    raw = Path(path).read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    header.pop("__metadata__", None)
    data = raw[8 + n:]
    widths = {"F32": 4, "F16": 2, "BF16": 2, "I64": 8}
    tensors = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        shape = info["shape"]
        if end - begin != int(np.prod(shape, dtype=np.int64)) * widths[info["dtype"]] or end > len(data):
            fail(f"{path}: bad size or offsets for {name}")
        buf = data[begin:end]
        dtype = info["dtype"]
        if dtype == "BF16":
            arr = (np.frombuffer(buf, "<u2").astype(np.uint32) << 16).view(np.float32)
        else:
            arr = np.frombuffer(buf, {"F32": "<f4", "F16": "<f2", "I64": "<i8"}[dtype])
            arr = arr.astype(np.int64 if dtype == "I64" else np.float32)
        tensors[name] = torch.from_numpy(arr.reshape(shape).copy())
    return header, tensors


def check_keys(keys_md):
    spec = parse_timm_keys(keys_md)
    for arch, timm_name in TIMM_NAMES.items():
        model = rm.create_model(arch)
        expected, md_params = spec[timm_name]
        actual = model_keys(model)
        if actual != expected:
            diff = next(i for i, (a, e) in enumerate(zip(actual + [None] * len(expected), expected)) if a != e)
            fail(f"{arch}: key {diff} is {actual[diff] if diff < len(actual) else None}, spec {expected[diff]}")
        params = param_count(model)
        if not params == md_params == EXPECTED_PARAMS[arch]:
            fail(f"{arch}: {params} parameters, spec {md_params}, brief {EXPECTED_PARAMS[arch]}")
        print(f"keys OK   {timm_name}: {len(actual)} keys equal TIMM_KEYS.md in order, shape and dtype; "
              f"{params:,} parameters")


def check_real_weights(weights_dir):
    for arch, file in WEIGHT_FILES.items():
        path = Path(weights_dir) / file
        if not path.exists():
            fail(f"{path} not found (pass --weights DIR)")
        _, tensors = read_safetensors(path)
        model = rm.create_model(arch)
        model.load_state_dict(tensors, strict=True)
        with torch.no_grad():
            y = model(torch.zeros(1, 3, 224, 224))
        if y.shape != (1, 1000) or not torch.isfinite(y).all():
            fail(f"{file}: output {tuple(y.shape)} finite={bool(torch.isfinite(y).all())}")
        print(f"weights OK {file}: strict load, zeros -> logits {tuple(y.shape)}, "
              f"range [{y.min():.3f}, {y.max():.3f}]")


def clamp_coverage(model, x):
    """Fraction of activation inputs below / inside / above each activation's linear range."""
    counts = {}

    def hook(mod, inp, out):
        t = inp[0]
        lo, hi = {nn.ReLU: (0, None), nn.ReLU6: (0, 6), nn.Hardswish: (-3, 3), nn.Hardsigmoid: (-3, 3)}[type(mod)]
        c = counts.setdefault(type(mod).__name__, [0, 0, 0])
        c[0] += int((t <= lo).sum())
        c[2] += int((t >= hi).sum()) if hi is not None else 0
        c[1] += t.numel()
    handles = [m.register_forward_hook(hook) for m in model.modules()
               if type(m) in (nn.ReLU, nn.ReLU6, nn.Hardswish, nn.Hardsigmoid)]
    with torch.no_grad():
        model(x)
    for h in handles:
        h.remove()
    return ", ".join(f"{k} low {c[0] / c[1]:.1%} high {c[2] / c[1]:.1%} of {c[1]}" for k, c in counts.items())


def load_fixture(case_dir):
    meta = json.loads((case_dir / "meta.json").read_text(encoding="utf-8"))
    header, tensors = read_safetensors(case_dir / "model.safetensors")
    model = rm.create_model(meta["arch"], meta["width"], meta["numClasses"])
    if list(header) != list(model.state_dict()):
        fail(f"{case_dir.name}: header order differs from state_dict order")
    if {v["dtype"] for v in header.values()} != {meta["dtype"], "I64"}:
        fail(f"{case_dir.name}: stored dtypes {sorted({v['dtype'] for v in header.values()})}")
    model.load_state_dict(tensors, strict=True)
    x = torch.from_numpy(np.load(case_dir / "input.npy"))
    if list(x.shape) != meta["inputShape"] or meta["params"] != param_count(model):
        fail(f"{case_dir.name}: input shape or params disagree with meta.json")
    return meta, tensors, model, x


def check_fixtures():
    total = 0
    for case_dir in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        meta, _, model, x = load_fixture(case_dir)
        acts = {}
        for p in meta["activations"]:
            if p != "pre_logits":
                model.get_submodule(p).register_forward_hook(
                    (lambda n: lambda m, i, o: acts.__setitem__(n, o))(p))
        model.classifier.register_forward_pre_hook(lambda m, i: acts.__setitem__("pre_logits", i[0]))
        with torch.no_grad():
            logits = model(x)
        expected = np.load(case_dir / "logits.npy")
        if not np.array_equal(logits.numpy(), expected):
            fail(f"{case_dir.name}: logits differ by {np.abs(logits.numpy() - expected).max()}")
        for n in meta["activations"]:
            if not np.array_equal(acts[n].numpy(), np.load(case_dir / f"act_{n}.npy")):
                fail(f"{case_dir.name}: activation {n} differs")
        size = sum(f.stat().st_size for f in case_dir.iterdir())
        total += size
        shapes = ", ".join(f"{n} {list(acts[n].shape)}" for n in meta["activations"])
        print(f"fixture OK {case_dir.name} ({size:,} bytes): strict reload reproduces logits and {shapes} "
              f"exactly; {clamp_coverage(model, x)}")
    print(f"fixtures total {total:,} bytes")


def timm_model(timm, arch, width, num_classes):
    if arch in ("mobilenetv1", "mobilenetv2"):
        gen = getattr(timm.models.efficientnet, "_gen_mobilenet_v1" if arch == "mobilenetv1" else "_gen_mobilenet_v2")
    else:
        gen = timm.models.mobilenetv3._gen_mobilenet_v3
    return gen(TIMM_NAMES[arch], channel_multiplier=width, num_classes=num_classes).eval()


def check_timm(timm_src):
    sys.path.insert(0, str(Path(timm_src).resolve()))
    import timm  # noqa: E402  (only for this one-off comparison)
    print(f"timm {timm.__version__} imported from {timm_src}")
    x = torch.randn(1, 3, 128, 96, generator=torch.Generator().manual_seed(7))
    for arch in TIMM_NAMES:
        for width in (0.25, 0.35, 0.5, 0.75, 1.0, 1.4):
            ours = rm.init_reference_weights(rm.create_model(arch, width, 10), 1)
            theirs = timm_model(timm, arch, width, 10)
            if model_keys(ours) != model_keys(theirs):
                fail(f"timm {arch} width {width}: state_dict keys/shapes differ")
            theirs.load_state_dict(ours.state_dict(), strict=True)
            with torch.no_grad():
                diff = (ours(x) - theirs(x)).abs().max().item()
            if diff > 1e-4:
                fail(f"timm {arch} width {width}: logits differ by {diff}")
            print(f"timm OK   {arch} width {width}: {len(ours.state_dict())} keys equal, "
                  f"{param_count(ours):,} params, max |logit diff| {diff:.2e}")
    for case_dir in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        meta, tensors, _, x = load_fixture(case_dir)
        theirs = timm_model(timm, meta["arch"], meta["width"], meta["numClasses"])
        theirs.load_state_dict(tensors, strict=True)
        with torch.no_grad():
            diff = np.abs(theirs(x).numpy() - np.load(case_dir / "logits.npy")).max()
        if diff > 1e-4:
            fail(f"timm on fixture {case_dir.name}: logits differ by {diff}")
        print(f"timm OK   fixture {case_dir.name}: timm's model on the stored weights and input, "
              f"max |logit diff| {diff:.2e}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keys", default="/work/shared/TIMM_KEYS.md")
    parser.add_argument("--weights", default="/work/shared/weights")
    parser.add_argument("--timm", help="directory containing timm's `timm` package (optional)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    check_keys(args.keys)
    check_real_weights(args.weights)
    check_fixtures()
    if args.timm:
        check_timm(args.timm)
    print("ALL CHECKS PASSED")


if __name__ == "__main__":
    main()
