"""Checks tools/reference_xception.py against timm's own legacy_xception code (optional, never committed).

    mkdir -p /tmp/timmsrc && git -C /work/.mirror/huggingface+pytorch-image-models/repo archive HEAD timm | tar -x -C /tmp/timmsrc
    /usr/bin/python3 tools/check_xception_reference.py --timm /tmp/timmsrc

Compares state_dict keys (in order) and shapes at width 1.0, then loads the reference's seeded weights into
timm's module and compares the logits on a random 299x299 input. Result on the development machine
(torch 1.13, timm HEAD of the mirror): 276 keys equal, shapes equal, max |difference| 0.0.
"""
import argparse
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference_models as rm  # noqa: E402
import reference_xception as rx  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--timm", required=True, help="folder that holds timm's source package")
    args = ap.parse_args()
    sys.path.insert(0, args.timm)
    from timm.models.xception import Xception  # noqa: E402

    torch.set_num_threads(1)
    theirs = Xception(num_classes=10).eval()
    ours = rm.init_reference_weights(rx.create_model(1.0, 10), 7)
    ts, rs = theirs.state_dict(), ours.state_dict()
    assert list(ts.keys()) == list(rs.keys()), "state_dict keys differ"
    assert all(ts[k].shape == rs[k].shape for k in ts), "shapes differ"
    theirs.load_state_dict(rs)
    x = torch.randn((1, 3, 299, 299), generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        diff = (theirs(x) - ours(x)).abs().max().item()
    print(f"{len(ts)} keys equal, shapes equal, max |difference| of the logits {diff}")
    assert diff == 0.0


if __name__ == "__main__":
    main()
