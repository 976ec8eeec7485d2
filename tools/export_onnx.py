"""Exports the four MobileNets at width 1.0 to ONNX, for the ONNX Runtime comparison (bench-ort profile).

Models come from reference_models.py (timm's layout); weights from /work/shared/weights (or --weights DIR)
where a checkpoint is present, else the deterministic reference initialisation (latency does not depend
on the values). The engine's harness loads the same checkpoints, so where they exist both runtimes
compute the same logits and the harness compares them. Output: tools/out/onnx/<timm name>.onnx
(git-ignored; never commit it). Run with Debian's /usr/bin/python3 (torch 1.13, onnx).
"""
import argparse
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference_models as rm  # noqa: E402
from check_reference_models import WEIGHT_FILES, read_safetensors  # noqa: E402

NAMES = {"mobilenetv1": "mobilenetv1_100", "mobilenetv2": "mobilenetv2_100",
         "mobilenetv3_large": "mobilenetv3_large_100", "mobilenetv3_small": "mobilenetv3_small_100"}


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--weights", default="/work/shared/weights", help="folder with timm .safetensors files")
    p.add_argument("--out", default=str(Path(__file__).resolve().parent / "out" / "onnx"))
    p.add_argument("--resolution", type=int, default=224)
    args = p.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for arch, name in NAMES.items():
        model = rm.create_model(arch)
        source = "reference init (seed 0)"
        ckpt = Path(args.weights) / WEIGHT_FILES.get(arch, "-")
        if arch in WEIGHT_FILES and ckpt.exists():
            _, tensors = read_safetensors(ckpt)
            model.load_state_dict(tensors, strict=True)
            source = ckpt.name
        else:
            rm.init_reference_weights(model, 0)
        x = torch.zeros(1, 3, args.resolution, args.resolution)
        target = out / f"{name}.onnx"
        torch.onnx.export(model, x, str(target), input_names=["input"], output_names=["logits"],
                          opset_version=13, do_constant_folding=True)
        (out / f"{name}.source").write_text(source + "\n")
        print(f"{target}: {source}")


if __name__ == "__main__":
    main()
