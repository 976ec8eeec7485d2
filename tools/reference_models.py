"""Reference PyTorch definitions of timm's MobileNet V1 / V2 / V3-Large / V3-Small (eval mode).

Written from the spec in /work/shared/TIMM_KEYS.md and timm's width rules, not copied from timm:
module names, state_dict order and shapes equal timm's `mobilenetv1_100`, `mobilenetv2_100`,
`mobilenetv3_large_100` and `mobilenetv3_small_100` at width 1.0, and follow timm's rounding for any
width multiplier `alpha`. Used by make_reference_fixtures.py and check_reference_models.py;
run with Debian's /usr/bin/python3 (torch only, no timm).
"""
import math

import torch
from torch import nn

BN_EPS = 1e-5

ACTIVATIONS = {
    "relu": nn.ReLU,
    "relu6": nn.ReLU6,
    "hard_swish": nn.Hardswish,
}


def make_divisible(v, divisor=8, min_value=None, round_limit=0.9):
    """Nearest multiple of `divisor`, at least `min_value`, never more than 10 % below `v`."""
    min_value = min_value or divisor
    n = max(min_value, int(v + divisor / 2) // divisor * divisor)
    if n < round_limit * v:
        n += divisor
    return n


def round_channels(channels, alpha):
    """timm's round_channels: scale by the width multiplier, then make divisible by 8."""
    return make_divisible(channels * alpha)


class BatchNormAct(nn.BatchNorm2d):
    """BatchNorm followed by an optional activation, one module (like timm's BatchNormAct2d) so
    the state_dict keys stay `<bn>.weight` ... and a hook on `<bn>` sees the activated output."""

    def __init__(self, channels, act=None):
        super().__init__(channels, eps=BN_EPS)
        self.act = ACTIVATIONS[act]() if act else nn.Identity()

    def forward(self, x):
        return self.act(super().forward(x))


def conv(in_chs, out_chs, k, stride=1, groups=1, bias=False):
    """Conv with timm's symmetric padding ((stride - 1) + (k - 1)) // 2."""
    pad = ((stride - 1) + (k - 1)) // 2
    return nn.Conv2d(in_chs, out_chs, k, stride=stride, padding=pad, groups=groups, bias=bias)


class SqueezeExcite(nn.Module):
    """Channel gate: mean over H,W -> 1x1 reduce (+bias) -> ReLU -> 1x1 expand (+bias) -> hard sigmoid."""

    def __init__(self, channels):
        super().__init__()
        rd = make_divisible(0.25 * channels)
        self.conv_reduce = nn.Conv2d(channels, rd, 1, bias=True)
        self.act1 = nn.ReLU()
        self.conv_expand = nn.Conv2d(rd, channels, 1, bias=True)
        self.gate = nn.Hardsigmoid()

    def forward(self, x):
        s = x.mean((2, 3), keepdim=True)
        s = self.gate(self.conv_expand(self.act1(self.conv_reduce(s))))
        return x * s


class GlobalPool(nn.Module):
    """Average over H and W, like timm's SelectAdaptivePool2d('avg'): flattened to [N, C] in the
    EfficientNet layout (V1, V2), kept as [N, C, 1, 1] in the MobileNetV3 layout. No parameters, so
    adding it changes no state_dict; it exists so a hook on `global_pool` sees what timm's does."""

    def __init__(self, flatten):
        super().__init__()
        self.flatten = flatten

    def forward(self, x):
        return x.mean((2, 3), keepdim=not self.flatten)


class DepthwiseSeparable(nn.Module):
    """`ds` / `dsa` block: depthwise kxk -> BN+act -> [SE] -> pointwise 1x1 -> BN (+act if dsa)."""

    def __init__(self, in_chs, out_chs, k, stride, act, se, pw_act):
        super().__init__()
        self.has_skip = stride == 1 and in_chs == out_chs and not pw_act  # dsa is always noskip
        self.conv_dw = conv(in_chs, in_chs, k, stride, groups=in_chs)
        self.bn1 = BatchNormAct(in_chs, act)
        self.se = SqueezeExcite(in_chs) if se else nn.Identity()
        self.conv_pw = conv(in_chs, out_chs, 1)
        self.bn2 = BatchNormAct(out_chs, act if pw_act else None)

    def forward(self, x):
        y = self.bn2(self.conv_pw(self.se(self.bn1(self.conv_dw(x)))))
        return y + x if self.has_skip else y


class InvertedResidual(nn.Module):
    """`ir` block: expand 1x1 -> BN+act -> depthwise kxk -> BN+act -> [SE] -> project 1x1 -> BN."""

    def __init__(self, in_chs, out_chs, k, stride, act, se, exp_ratio):
        super().__init__()
        mid = make_divisible(in_chs * exp_ratio)
        self.has_skip = stride == 1 and in_chs == out_chs
        self.conv_pw = conv(in_chs, mid, 1)
        self.bn1 = BatchNormAct(mid, act)
        self.conv_dw = conv(mid, mid, k, stride, groups=mid)
        self.bn2 = BatchNormAct(mid, act)
        self.se = SqueezeExcite(mid) if se else nn.Identity()
        self.conv_pwl = conv(mid, out_chs, 1)
        self.bn3 = BatchNormAct(out_chs)

    def forward(self, x):
        y = self.bn2(self.conv_dw(self.bn1(self.conv_pw(x))))
        y = self.bn3(self.conv_pwl(self.se(y)))
        return y + x if self.has_skip else y


class ConvBnAct(nn.Module):
    """`cn` block (last V3 stage): 1x1 conv -> BN+act, never residual."""

    def __init__(self, in_chs, out_chs, k, stride, act):
        super().__init__()
        self.conv = conv(in_chs, out_chs, k, stride)
        self.bn1 = BatchNormAct(out_chs, act)

    def forward(self, x):
        return self.bn1(self.conv(x))


# Stage tables: one list per stage of (type, repeats, kernel, stride, exp_ratio, out_channels, se, act).
# act None = the model's default activation. Only a stage's first block keeps its stride.
V1_STAGES = [
    [("dsa", 1, 3, 1, 1, 64, False, None)],
    [("dsa", 2, 3, 2, 1, 128, False, None)],
    [("dsa", 2, 3, 2, 1, 256, False, None)],
    [("dsa", 6, 3, 2, 1, 512, False, None)],
    [("dsa", 2, 3, 2, 1, 1024, False, None)],
]
V2_STAGES = [
    [("ds", 1, 3, 1, 1, 16, False, None)],
    [("ir", 2, 3, 2, 6, 24, False, None)],
    [("ir", 3, 3, 2, 6, 32, False, None)],
    [("ir", 4, 3, 2, 6, 64, False, None)],
    [("ir", 3, 3, 1, 6, 96, False, None)],
    [("ir", 3, 3, 2, 6, 160, False, None)],
    [("ir", 1, 3, 1, 6, 320, False, None)],
]
V3_LARGE_STAGES = [
    [("ds", 1, 3, 1, 1, 16, False, "relu")],
    [("ir", 1, 3, 2, 4, 24, False, "relu"), ("ir", 1, 3, 1, 3, 24, False, "relu")],
    [("ir", 3, 5, 2, 3, 40, True, "relu")],
    [("ir", 1, 3, 2, 6, 80, False, None), ("ir", 1, 3, 1, 2.5, 80, False, None),
     ("ir", 2, 3, 1, 2.3, 80, False, None)],
    [("ir", 2, 3, 1, 6, 112, True, None)],
    [("ir", 3, 5, 2, 6, 160, True, None)],
    [("cn", 1, 1, 1, 1, 960, False, None)],
]
V3_SMALL_STAGES = [
    [("ds", 1, 3, 2, 1, 16, True, "relu")],
    [("ir", 1, 3, 2, 4.5, 24, False, "relu"), ("ir", 1, 3, 1, 3.67, 24, False, "relu")],
    [("ir", 1, 5, 2, 4, 40, True, None), ("ir", 2, 5, 1, 6, 40, True, None)],
    [("ir", 2, 5, 1, 3, 48, True, None)],
    [("ir", 3, 5, 2, 6, 96, True, None)],
    [("cn", 1, 1, 1, 1, 576, False, None)],
]


def build_blocks(stages, in_chs, alpha, default_act):
    """nn.Sequential of stages (nn.Sequential of blocks), so keys read blocks.<stage>.<block>."""
    stage_modules = []
    for stage in stages:
        blocks = []
        for kind, repeats, k, stride, exp_ratio, out, se, act in stage:
            for _ in range(repeats):
                s = stride if not blocks else 1
                out_chs = round_channels(out, alpha)
                a = act or default_act
                if kind in ("ds", "dsa"):
                    blocks.append(DepthwiseSeparable(in_chs, out_chs, k, s, a, se, pw_act=kind == "dsa"))
                elif kind == "ir":
                    blocks.append(InvertedResidual(in_chs, out_chs, k, s, a, se, exp_ratio))
                else:
                    blocks.append(ConvBnAct(in_chs, out_chs, k, s, a))
                in_chs = out_chs
        stage_modules.append(nn.Sequential(*blocks))
    return nn.Sequential(*stage_modules), in_chs


class EfficientNetLayout(nn.Module):
    """timm's `EfficientNet` class layout (V1, V2): stem -> blocks -> [conv_head -> bn2] -> pool -> classifier."""

    def __init__(self, stages, alpha, num_classes, head_features):
        super().__init__()
        stem = round_channels(32, alpha)
        self.conv_stem = conv(3, stem, 3, 2)
        self.bn1 = BatchNormAct(stem, "relu6")
        self.blocks, chs = build_blocks(stages, stem, alpha, "relu6")
        self.has_head = head_features > 0
        if self.has_head:
            self.conv_head = conv(chs, head_features, 1)
            self.bn2 = BatchNormAct(head_features, "relu6")
            chs = head_features
        self.global_pool = GlobalPool(flatten=True)
        self.classifier = nn.Linear(chs, num_classes)

    def forward(self, x):
        x = self.blocks(self.bn1(self.conv_stem(x)))
        if self.has_head:
            x = self.bn2(self.conv_head(x))
        return self.classifier(self.global_pool(x))


class MobileNetV3Layout(nn.Module):
    """timm's `MobileNetV3` class layout: stem -> blocks -> pool -> conv_head (+bias) -> hard_swish -> classifier."""

    def __init__(self, stages, alpha, num_classes, head_features):
        super().__init__()
        stem = 16 if alpha < 0.75 else round_channels(16, alpha)  # timm: fix_stem below 0.75
        self.conv_stem = conv(3, stem, 3, 2)
        self.bn1 = BatchNormAct(stem, "hard_swish")
        self.blocks, chs = build_blocks(stages, stem, alpha, "hard_swish")
        self.global_pool = GlobalPool(flatten=False)
        self.conv_head = conv(chs, head_features, 1, bias=True)
        self.act2 = nn.Hardswish()
        self.flatten = nn.Flatten(1)
        self.classifier = nn.Linear(head_features, num_classes)

    def forward(self, x):
        x = self.blocks(self.bn1(self.conv_stem(x)))
        x = self.global_pool(x)
        x = self.flatten(self.act2(self.conv_head(x)))
        return self.classifier(x)


ARCHS = ("mobilenetv1", "mobilenetv2", "mobilenetv3_large", "mobilenetv3_small")


def create_model(arch, alpha=1.0, num_classes=1000):
    """One of ARCHS at width multiplier `alpha`, in eval mode."""
    if arch == "mobilenetv1":
        model = EfficientNetLayout(V1_STAGES, alpha, num_classes, head_features=0)
    elif arch == "mobilenetv2":
        model = EfficientNetLayout(V2_STAGES, alpha, num_classes, max(1280, round_channels(1280, alpha)))
    elif arch == "mobilenetv3_large":
        model = MobileNetV3Layout(V3_LARGE_STAGES, alpha, num_classes, head_features=1280)
    elif arch == "mobilenetv3_small":
        model = MobileNetV3Layout(V3_SMALL_STAGES, alpha, num_classes, head_features=1024)
    else:
        raise ValueError(f"unknown arch {arch!r}, expected one of {ARCHS}")
    return model.eval()


@torch.no_grad()
def init_reference_weights(model, seed):
    """Deterministic, non-trivial values for every tensor, drawn in module order from one generator.

    conv: Kaiming normal, fan_out = out/groups * kh * kw (so depthwise kernels keep a useful scale);
    conv/linear biases N(0, 0.1); linear weight N(0, 1/sqrt(in)); BN weight U(0.5, 1.5),
    bias N(0, 0.1), running_mean N(0, 0.1), running_var U(0.5, 1.5).
    """
    g = torch.Generator().manual_seed(seed)
    for module in model.modules():
        if isinstance(module, nn.Conv2d):
            kh, kw = module.kernel_size
            fan_out = module.out_channels // module.groups * kh * kw
            module.weight.normal_(0.0, math.sqrt(2.0 / fan_out), generator=g)
            if module.bias is not None:
                module.bias.normal_(0.0, 0.1, generator=g)
        elif isinstance(module, nn.BatchNorm2d):
            module.weight.uniform_(0.5, 1.5, generator=g)
            module.bias.normal_(0.0, 0.1, generator=g)
            module.running_mean.normal_(0.0, 0.1, generator=g)
            module.running_var.uniform_(0.5, 1.5, generator=g)
        elif isinstance(module, nn.Linear):
            module.weight.normal_(0.0, 1.0 / math.sqrt(module.in_features), generator=g)
            module.bias.normal_(0.0, 0.1, generator=g)
    return model
