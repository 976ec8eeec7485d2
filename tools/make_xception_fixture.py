"""Writes the PyTorch reference fixture for the engine's Xception parity test.

Command (from the repository root, Debian's Python with python3-torch and python3-numpy):

    /usr/bin/python3 tools/make_xception_fixture.py

Output: engine/src/test/resources/reference/xception_0125/ in the layout of make_reference_fixtures.py
(model.safetensors, input.npy, logits.npy, act_<module>.npy, meta.json). The network is timm's
legacy_xception with every channel count scaled by 0.125 (timm's make_divisible), 10 classes, on a
71x71 input (the smallest the geometry allows: 71 -> 35 -> 33 -> 17 -> 9 -> 5 -> 3), weights stored as F16
to keep the fixture small. It also prints the full network's parameters and MACs at 299x299.
"""
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_reference_fixtures as mrf  # noqa: E402
import reference_models as rm  # noqa: E402
import reference_xception as rx  # noqa: E402

CASE = "xception_0125"
WIDTH = 0.125
DTYPE = "F16"
SHAPE = (1, 3, 71, 71)
HOOKS = ["act2", "block1", "block3", "block4", "block12", "act4"]
WEIGHT_SEED, INPUT_SEED = 105, 205


def run_with_hooks(model, x):
    acts = {}
    for p in HOOKS:
        model.get_submodule(p).register_forward_hook(
            (lambda name: lambda mod, inp, out: acts.__setitem__(name, out.detach().clone()))(p))
    model.fc.register_forward_pre_hook(lambda mod, inp: acts.__setitem__("pre_logits", inp[0].detach().clone()))
    with torch.no_grad():
        logits = model(x)
    return logits, acts


def main():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    full = rx.create_model()
    print(f"legacy_xception: params {sum(p.numel() for p in full.parameters()):,}, "
          f"MACs at 299 {rx.count_macs(full, (1, 3, 299, 299)):,}")

    model = rm.init_reference_weights(rx.create_model(WIDTH, mrf.NUM_CLASSES), WEIGHT_SEED)
    mrf.round_to_storage(model, DTYPE)
    x = torch.randn(SHAPE, generator=torch.Generator().manual_seed(INPUT_SEED))
    logits, acts = run_with_hooks(model, x)

    case_dir = mrf.OUT_DIR / CASE
    case_dir.mkdir(parents=True, exist_ok=True)
    for stale in case_dir.glob("act_*.npy"):
        stale.unlink()
    mrf.write_safetensors(case_dir / "model.safetensors", model.state_dict(), DTYPE)
    mrf.save_npy(case_dir / "input.npy", x)
    mrf.save_npy(case_dir / "logits.npy", logits)
    names = HOOKS + ["pre_logits"]
    for n in names:
        mrf.save_npy(case_dir / f"act_{n}.npy", acts[n])
    meta = {
        "arch": "legacy_xception",
        "width": WIDTH,
        "numClasses": mrf.NUM_CLASSES,
        "dtype": DTYPE,
        "inputShape": list(SHAPE),
        "params": sum(p.numel() for p in model.parameters()),
        "macs": rx.count_macs(model, SHAPE),
        "activations": names,
        "torch": torch.__version__,
    }
    (case_dir / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    size = sum(f.stat().st_size for f in case_dir.iterdir())
    print(f"{CASE}: params {meta['params']:,} MACs {meta['macs']:,} "
          f"logits {[round(v, 4) for v in logits[0].tolist()]} -> {size:,} bytes")


if __name__ == "__main__":
    main()
