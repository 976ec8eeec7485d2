"""Reference PyTorch definition of timm's `legacy_xception` (Chollet's Xception, eval mode), for fixtures.

Written from the module structure of timm's legacy_xception (read, not copied): state_dict keys and shapes
equal timm's at width 1.0 (conv1, bn1, conv2, bn2, block1..block12 with rep.N / skip / skipbn, conv3, bn3,
conv4, bn4, fc). `alpha` scales every channel count with timm's make_divisible (our own extension, used
only to keep the committed fixture small; timm has no width multiplier for Xception).
Run with Debian's /usr/bin/python3 (torch only, no timm).
"""
import torch
from torch import nn

from reference_models import round_channels

BN_EPS = 1e-5


class SeparableConv2d(nn.Module):
    """Depthwise kxk (conv1) then pointwise 1x1 (pointwise), neither with bias."""

    def __init__(self, in_chs, out_chs, k=3, padding=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_chs, in_chs, k, 1, padding, groups=in_chs, bias=False)
        self.pointwise = nn.Conv2d(in_chs, out_chs, 1, bias=False)

    def forward(self, x):
        return self.pointwise(self.conv1(x))


class Block(nn.Module):
    """reps x (ReLU, SeparableConv2d, BN), first ReLU dropped when not start_with_relu, MaxPool(3, s, 1)
    when strided; shortcut 1x1 conv + BN when shape changes, else identity."""

    def __init__(self, in_chs, out_chs, reps, stride=1, start_with_relu=True, grow_first=True):
        super().__init__()
        if out_chs != in_chs or stride != 1:
            self.skip = nn.Conv2d(in_chs, out_chs, 1, stride=stride, bias=False)
            self.skipbn = nn.BatchNorm2d(out_chs, eps=BN_EPS)
        else:
            self.skip = None
        rep = []
        for i in range(reps):
            if grow_first:
                inc, outc = (in_chs if i == 0 else out_chs), out_chs
            else:
                inc, outc = in_chs, (in_chs if i < reps - 1 else out_chs)
            rep += [nn.ReLU(), SeparableConv2d(inc, outc), nn.BatchNorm2d(outc, eps=BN_EPS)]
        if not start_with_relu:
            rep = rep[1:]
        if stride != 1:
            rep.append(nn.MaxPool2d(3, stride, 1))
        self.rep = nn.Sequential(*rep)

    def forward(self, inp):
        x = self.rep(inp)
        skip = self.skipbn(self.skip(inp)) if self.skip is not None else inp
        return x + skip


class Xception(nn.Module):
    def __init__(self, alpha=1.0, num_classes=1000):
        super().__init__()
        c = lambda n: round_channels(n, alpha)  # noqa: E731
        self.conv1 = nn.Conv2d(3, c(32), 3, 2, 0, bias=False)
        self.bn1 = nn.BatchNorm2d(c(32), eps=BN_EPS)
        self.act1 = nn.ReLU()
        self.conv2 = nn.Conv2d(c(32), c(64), 3, bias=False)
        self.bn2 = nn.BatchNorm2d(c(64), eps=BN_EPS)
        self.act2 = nn.ReLU()
        self.block1 = Block(c(64), c(128), 2, 2, start_with_relu=False)
        self.block2 = Block(c(128), c(256), 2, 2)
        self.block3 = Block(c(256), c(728), 2, 2)
        for i in range(4, 12):
            setattr(self, f"block{i}", Block(c(728), c(728), 3, 1))
        self.block12 = Block(c(728), c(1024), 2, 2, grow_first=False)
        self.conv3 = SeparableConv2d(c(1024), c(1536))
        self.bn3 = nn.BatchNorm2d(c(1536), eps=BN_EPS)
        self.act3 = nn.ReLU()
        self.conv4 = SeparableConv2d(c(1536), c(2048))
        self.bn4 = nn.BatchNorm2d(c(2048), eps=BN_EPS)
        self.act4 = nn.ReLU()
        self.fc = nn.Linear(c(2048), num_classes)

    def forward(self, x):
        x = self.act2(self.bn2(self.conv2(self.act1(self.bn1(self.conv1(x))))))
        for i in range(1, 13):
            x = getattr(self, f"block{i}")(x)
        x = self.act3(self.bn3(self.conv3(x)))
        x = self.act4(self.bn4(self.conv4(x)))
        return self.fc(x.mean((2, 3)))


def create_model(alpha=1.0, num_classes=1000):
    return Xception(alpha, num_classes).eval()


def count_macs(model, shape):
    """Multiply-accumulates of every Conv2d and Linear for one input, counted by forward hooks on the
    actual output sizes: out elements x (in / groups) x kh x kw, and in x out for Linear."""
    total = [0]

    def conv_hook(m, inp, out):
        total[0] += out.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]

    def linear_hook(m, inp, out):
        total[0] += m.in_features * m.out_features

    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            m.register_forward_hook(conv_hook)
        elif isinstance(m, nn.Linear):
            m.register_forward_hook(linear_hook)
    with torch.no_grad():
        model(torch.zeros(shape))
    return total[0]


if __name__ == "__main__":
    m = create_model()
    print("params", sum(p.numel() for p in m.parameters()))
    print("macs@299", count_macs(m, (1, 3, 299, 299)))
    print("macs@224", count_macs(create_model(), (1, 3, 224, 224)))
    print("keys", [k for k in m.state_dict().keys()][:12])
