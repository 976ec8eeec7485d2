"""Writes the PyTorch reference for the `inspect` command: module outputs and their statistics.

Command (from the repository root, Debian's Python with python3-torch and python3-numpy):

    /usr/bin/python3 tools/make_inspect_fixtures.py

It rebuilds two of make_reference_fixtures.py's cases (same architecture, width, seeds and stored
dtype, so the committed model.safetensors and input.npy of that case are reused, not copied), hooks
timm's module paths (stage outputs `blocks.N`, inner BN+activation outputs, `conv_head`,
`global_pool`...) and writes engine/src/test/resources/reference/<case>/inspect/:

* `stats.json`: per module path the output shape and {min, max, mean, std, zeros} over the whole
  output, computed in float64 (std is the population standard deviation, zeros the share of
  elements exactly 0);
* `<module path>.npy`: the first CHANNELS channels of that output (float32, batch dim kept), to keep
  the fixtures small; squeeze-excite's inner modules (`...se.conv_reduce`, `se.act1`, `se.conv_expand`,
  `se.gate`, each a 1xCx1x1 vector) are saved whole, and their stats.json entry says how many channels
  were saved (`channelsSaved`).

Deterministic: a second run rewrites byte-identical files. The Java tests never run Python.
"""
import json
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_reference_fixtures as mrf  # noqa: E402
import reference_models as rm  # noqa: E402

CHANNELS = 3

# case name (as in make_reference_fixtures.CASES) -> module paths to hook
MODULES = {
    "v2_035": ["conv_stem", "bn1", "blocks.0", "blocks.1", "blocks.1.1", "blocks.1.1.bn1", "blocks.1.1.bn2",
               "blocks.2", "blocks.3", "blocks.3.2.bn1", "blocks.4", "blocks.5", "blocks.6", "conv_head",
               "bn2", "global_pool"],
    "v3l_035": ["bn1", "blocks.0", "blocks.1", "blocks.2", "blocks.2.0.bn2", "blocks.2.0.se.conv_reduce",
                "blocks.2.0.se.act1", "blocks.2.0.se.conv_expand", "blocks.2.0.se.gate", "blocks.2.0.se",
                "blocks.3", "blocks.4", "blocks.4.1.bn1", "blocks.4.1.se.gate", "blocks.5", "blocks.6",
                "global_pool", "conv_head", "act2"],
    "v3s_050": ["bn1", "blocks.0.0.bn1", "blocks.0.0.se.gate", "blocks.0.0.se", "blocks.1", "blocks.2.1.bn2",
                "blocks.2.1.se.conv_reduce", "blocks.2.1.se.act1", "blocks.2.1.se.conv_expand",
                "blocks.2.1.se.gate", "blocks.2.1.se", "blocks.5", "conv_head"],
}

# squeeze-excite's children output 1xCx1x1 vectors: small enough to save whole
SE_PARTS = (".se.conv_reduce", ".se.act1", ".se.conv_expand", ".se.gate")


def stats(t):
    a = t.numpy().astype(np.float64)
    return {"min": float(a.min()), "max": float(a.max()), "mean": float(a.mean()), "std": float(a.std()),
            "zeros": float(np.count_nonzero(a == 0.0) / a.size)}


def make(case):
    name, arch, width, float_dtype, shape, _, weight_seed, input_seed = case
    model = rm.init_reference_weights(rm.create_model(arch, width, mrf.NUM_CLASSES), weight_seed)
    mrf.round_to_storage(model, float_dtype)
    x = torch.randn(shape, generator=torch.Generator().manual_seed(input_seed))
    case_dir = mrf.OUT_DIR / name
    committed = np.load(case_dir / "input.npy")
    if not np.array_equal(committed, x.numpy()):
        raise SystemExit(f"{name}: input differs from the committed input.npy; run make_reference_fixtures.py")
    outs = {}
    handles = [model.get_submodule(p).register_forward_hook(
        (lambda n: lambda mod, inp, out: outs.__setitem__(n, out.detach().clone()))(p)) for p in MODULES[name]]
    with torch.no_grad():
        model(x)
    for h in handles:
        h.remove()
    out_dir = case_dir / "inspect"
    out_dir.mkdir(exist_ok=True)
    for stale in out_dir.glob("*.npy"):
        stale.unlink()
    table = {}
    for p in MODULES[name]:
        t = outs[p]
        table[p] = {"shape": list(t.shape), **stats(t)}
        if p.endswith(SE_PARTS):
            table[p]["channelsSaved"] = t.shape[1]
            mrf.save_npy(out_dir / f"{p}.npy", t.contiguous())
        else:
            mrf.save_npy(out_dir / f"{p}.npy", t[:, :CHANNELS].contiguous())
    doc = {"case": name, "channelsSaved": CHANNELS, "modules": table, "torch": torch.__version__}
    (out_dir / "stats.json").write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    size = sum(f.stat().st_size for f in out_dir.iterdir())
    print(f"{name}: {len(table)} modules -> {size:,} bytes in {out_dir}")


def main():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    for case in mrf.CASES:
        if case[0] in MODULES:
            make(case)


if __name__ == "__main__":
    main()
