#!/usr/bin/python3
"""Make the reference fixtures for the Java image decoding and preprocessing tests.

Run with Debian's interpreter (python3-pil, python3-numpy, python3-torch, python3-torchvision):

    /usr/bin/python3 tools/make_preprocess_fixtures.py

It writes engine/src/test/resources/image/ :

* parity/<photo>_crop224.png   the 224x224 crop timm's eval transform produces for an assets photo
                               (PIL open -> convert('RGB') -> torchvision Resize(256, BICUBIC)
                               -> CenterCrop(224)), stored losslessly as uint8 RGB
* resize/*.rgb                 tiny noise images and their PIL bicubic resizes (raw interleaved RGB)
* decode/*                     tiny files in awkward formats (gray, gray+alpha, RGBA, 16-bit,
                               palette, CMYK JPEG, EXIF-rotated JPEGs, WebP, corrupt, not an image)
                               with the RGB bytes PIL gives for them (decode/*.expected.rgb)
* fixtures.json                sizes, tolerances, and reference float values of the normalised
                               tensors (ToTensor + Normalize) for two mean/std settings

The Java tests never run Python: they read only these committed files.
"""
import io
import json
import struct
import zlib
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageOps
from torchvision import transforms
from torchvision.transforms import InterpolationMode

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets" / "images"
OUT = ROOT / "engine" / "src" / "test" / "resources" / "image"

IMAGENET = ((0.485, 0.456, 0.406), (0.229, 0.224, 0.225))
INCEPTION = ((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))
# (channel, y, x) positions of the tensor values recorded in fixtures.json
SAMPLE_POSITIONS = [(0, 0, 0), (1, 0, 223), (2, 223, 0), (0, 223, 223), (1, 112, 112),
                    (2, 17, 200), (0, 150, 33), (1, 77, 5), (2, 100, 101), (0, 5, 190)]


def timm_eval(mean_std):
    """timm's transforms_imagenet_eval for img_size 224, crop_pct 0.875, bicubic."""
    mean, std = mean_std
    return transforms.Compose([
        transforms.Resize(256, interpolation=InterpolationMode.BICUBIC),
        transforms.CenterCrop(224),
        transforms.ToTensor(),
        transforms.Normalize(mean, std),
    ])


def parity(manifest):
    entries = []
    (OUT / "parity").mkdir(parents=True, exist_ok=True)
    for name in ["chelsea.png", "rocket.jpg", "coins.png", "hubble_deep_field.jpg"]:
        original = Image.open(ASSETS / name)
        mode = original.mode
        rgb = original.convert("RGB")
        resized = transforms.Resize(256, interpolation=InterpolationMode.BICUBIC)(rgb)
        crop = transforms.CenterCrop(224)(resized)
        crop_file = f"parity/{Path(name).stem}_crop224.png"
        crop.save(OUT / crop_file, optimize=True)
        # the saved crop must give back the very tensor the whole pipeline gives
        crop_again = Image.open(OUT / crop_file).convert("RGB")
        tensors = {}
        for key, mean_std in (("imagenet", IMAGENET), ("inception", INCEPTION)):
            full = timm_eval(mean_std)(rgb)
            from_crop = transforms.Normalize(*mean_std)(transforms.ToTensor()(crop_again))
            assert torch.equal(full, from_crop), name
            assert full.dtype == torch.float32 and tuple(full.shape) == (3, 224, 224)
            tensors[key] = {
                "sum": float(full.double().sum()),
                "sumOfSquares": float((full.double() ** 2).sum()),
                "samples": [[c, y, x, float(full[c, y, x])] for c, y, x in SAMPLE_POSITIONS],
            }
        entries.append({
            "source": name,
            "sourceMode": mode,
            "sourceWidth": original.width,
            "sourceHeight": original.height,
            "resizedWidth": resized.width,
            "resizedHeight": resized.height,
            "crop": crop_file,
            "tensor": tensors,
        })
    manifest["parity"] = entries


def write_rgb(path, array):
    assert array.dtype == np.uint8 and array.ndim == 3 and array.shape[2] == 3
    path.write_bytes(array.tobytes())


def resize_cases(manifest):
    """PIL bicubic resizes of noise: noise has the most overshoot, so clamping is exercised."""
    (OUT / "resize").mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20240601)
    cases = []
    # (input w, h) -> (output w, h); the first two are torchvision's shorter-side sizes
    plan = [((23, 37), "shorter", 40), ((97, 61), "shorter", 31), ((23, 37), "exact", (50, 20)),
            ((64, 48), "exact", (64, 17)), ((40, 30), "exact", (13, 30))]
    for index, ((w, h), kind, target) in enumerate(plan):
        src = rng.integers(0, 256, size=(h, w, 3), dtype=np.uint8)
        src[h // 3:, : w // 4] = (255, 0, 255)  # a hard-edged block: ringing must clamp
        image = Image.fromarray(src, "RGB")
        if kind == "shorter":
            out = transforms.Resize(target, interpolation=InterpolationMode.BICUBIC)(image)
        else:
            out = image.resize(target, Image.Resampling.BICUBIC)
        in_file, out_file = f"resize/case{index}_in.rgb", f"resize/case{index}_out.rgb"
        write_rgb(OUT / in_file, src)
        write_rgb(OUT / out_file, np.asarray(out))
        cases.append({"kind": kind, "input": in_file, "inputWidth": w, "inputHeight": h,
                      "shorter": target if kind == "shorter" else None,
                      "output": out_file, "outputWidth": out.width, "outputHeight": out.height})
    manifest["resize"] = cases


def png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png_rgb16(array):
    """A 16-bit-per-channel RGB PNG; PIL cannot write one, so build it by hand."""
    h, w, _ = array.shape
    raw = b"".join(b"\x00" + array[y].astype(">u2").tobytes() for y in range(h))
    ihdr = struct.pack(">IIBBBBB", w, h, 16, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr)
            + png_chunk(b"IDAT", zlib.compress(raw, 9)) + png_chunk(b"IEND", b""))


def exif_with_orientation(value):
    exif = Image.Exif()
    exif[0x0112] = value
    return exif.tobytes()


def quadrants(w, h):
    """Four flat colours, so EXIF rotations are obvious and JPEG loss is small."""
    a = np.zeros((h, w, 3), np.uint8)
    a[: h // 2, : w // 2] = (220, 30, 30)
    a[: h // 2, w // 2:] = (30, 200, 40)
    a[h // 2:, : w // 2] = (40, 50, 210)
    a[h // 2:, w // 2:] = (240, 230, 60)
    return a


def decode_cases(manifest):
    d = OUT / "decode"
    d.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(7)
    cases = []

    def add(file, pil_mode, expected, tolerance, note):
        expected_file = file + ".expected.rgb"
        write_rgb(d / expected_file, expected)
        cases.append({"file": "decode/" + file, "pilMode": pil_mode,
                      "width": expected.shape[1], "height": expected.shape[0],
                      "expected": "decode/" + expected_file, "tolerance": tolerance, "note": note})

    def pil_rgb(file):
        with Image.open(d / file) as im:
            return im.mode, np.asarray(ImageOps.exif_transpose(im).convert("RGB"))

    gray = rng.integers(0, 256, size=(9, 13), dtype=np.uint8)
    Image.fromarray(gray, "L").save(d / "gray.png")
    mode, exp = pil_rgb("gray.png")
    add("gray.png", mode, exp, 0, "8-bit grayscale: R = G = B = gray")

    la = np.dstack([gray, rng.integers(0, 256, size=(9, 13), dtype=np.uint8)])
    Image.fromarray(la, "LA").save(d / "gray_alpha.png")
    mode, exp = pil_rgb("gray_alpha.png")
    add("gray_alpha.png", mode, exp, 0, "gray + alpha: alpha dropped, as PIL convert('RGB') does")

    rgba = rng.integers(0, 256, size=(10, 11, 4), dtype=np.uint8)
    Image.fromarray(rgba, "RGBA").save(d / "rgba.png")
    mode, exp = pil_rgb("rgba.png")
    add("rgba.png", mode, exp, 0, "RGBA: alpha dropped (not composited), as PIL convert('RGB') does")

    gray16 = rng.integers(0, 65536, size=(7, 12), dtype=np.uint16)
    Image.fromarray(gray16).save(d / "gray16.png")
    mode, pil16 = pil_rgb("gray16.png")
    high = (gray16 >> 8).astype(np.uint8)
    add("gray16.png", mode, np.dstack([high] * 3), 0,
        "16-bit gray: high byte. PIL opens it as mode I and convert('RGB') clips to 255, "
        f"which whitens the picture ({int((pil16 == 255).mean() * 100)}% white here); we do not copy that")

    rgb16 = rng.integers(0, 65536, size=(6, 9, 3), dtype=np.uint16)
    (d / "rgb16.png").write_bytes(png_rgb16(rgb16))
    mode, exp = pil_rgb("rgb16.png")
    assert np.array_equal(exp, (rgb16 >> 8).astype(np.uint8)), "PIL keeps the high byte of RGB;16"
    add("rgb16.png", mode, exp, 0, "16-bit RGB: high byte, as PIL does")

    idx = rng.integers(0, 6, size=(8, 10), dtype=np.uint8)
    pal = Image.fromarray(idx, "P")
    pal.putpalette([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 250, 240, 230, 128, 64, 32])
    pal.save(d / "palette.png", transparency=2)
    mode, exp = pil_rgb("palette.png")
    add("palette.png", mode, exp, 0, "palette with a transparent entry: palette colours, alpha dropped")

    Image.fromarray(gray, "L").resize((16, 16), Image.Resampling.NEAREST).save(d / "gray.jpg", quality=95)
    mode, exp = pil_rgb("gray.jpg")
    add("gray.jpg", mode, exp, 1, "grayscale JPEG (different JPEG decoders: +-1 allowed)")

    cmyk = np.zeros((32, 32, 4), np.uint8)
    cmyk[:16, :16] = (200, 20, 0, 0)
    cmyk[:16, 16:] = (0, 180, 40, 30)
    cmyk[16:, :16] = (10, 10, 10, 120)
    cmyk[16:, 16:] = (90, 0, 160, 10)
    Image.fromarray(cmyk, "CMYK").save(d / "cmyk.jpg", quality=95)
    mode, exp = pil_rgb("cmyk.jpg")
    add("cmyk.jpg", mode, exp, 3,
        "Adobe CMYK JPEG without ICC profile: PIL's plain CMYK->RGB formula (TwelveMonkeys gives the same "
        "within +-1; a real ICC conversion would differ by tens of levels)")

    for orientation in (6, 3, 8):
        file = f"exif{orientation}.jpg"
        Image.fromarray(quadrants(48, 32), "RGB").save(d / file, quality=95, subsampling=0,
                                                       exif=exif_with_orientation(orientation))
        mode, exp = pil_rgb(file)
        add(file, mode, exp, 4, f"JPEG with EXIF orientation {orientation}, turned upright by "
                                "ImageOps.exif_transpose")

    webp = rng.integers(0, 256, size=(12, 14, 3), dtype=np.uint8)
    Image.fromarray(webp, "RGB").save(d / "lossless.webp", lossless=True)
    mode, exp = pil_rgb("lossless.webp")
    assert np.array_equal(exp, webp)
    add("lossless.webp", mode, exp, 0, "lossless WebP")

    # broken files: the Java loader must answer with ImageDecodeException
    big = rng.integers(0, 256, size=(64, 64, 3), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(big, "RGB").save(buffer, "PNG")
    (d / "truncated.png").write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    buffer = io.BytesIO()
    Image.fromarray(big, "RGB").save(buffer, "JPEG", quality=90)
    (d / "truncated.jpg").write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 3])
    (d / "garbage.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(rng.integers(0, 256, 600, dtype=np.uint8)))
    (d / "not_an_image.png").write_bytes(b"This is a text file with a .png name.\n")
    (d / "empty.jpg").write_bytes(b"")
    broken = []
    for name in ["truncated.png", "truncated.jpg", "garbage.jpg", "not_an_image.png", "empty.jpg"]:
        try:
            with Image.open(d / name) as im:
                im.convert("RGB")
            raise AssertionError(f"PIL decoded {name}")
        except (OSError, ValueError, SyntaxError) as e:  # PIL refuses each of them too
            message = str(e).splitlines()[0].replace(str(d / name), name)
            broken.append({"file": "decode/" + name, "pilError": message})

    manifest["decode"] = cases
    manifest["broken"] = broken


def main():
    manifest = {"generator": "tools/make_preprocess_fixtures.py",
                "versions": {"PIL": Image.__version__, "torch": torch.__version__,
                             "torchvision": __import__("torchvision").__version__,
                             "numpy": np.__version__},
                "imagenet": {"mean": IMAGENET[0], "std": IMAGENET[1]},
                "inception": {"mean": INCEPTION[0], "std": INCEPTION[1]}}
    parity(manifest)
    resize_cases(manifest)
    decode_cases(manifest)
    (OUT / "fixtures.json").write_text(json.dumps(manifest, indent=1) + "\n")
    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"wrote {OUT} ({total / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
