#!/usr/bin/env bash
# Classifies photos with real ImageNet weights, as a check outside the unit suite (the weights are not in git).
# Usage: tools/check_real_weights.sh WEIGHTS_DIR [PHOTO...]
#   WEIGHTS_DIR holds <timm name>.safetensors or <timm name>.tflite-converted.safetensors files,
#   e.g. the development weights in ../shared/weights/. Photos default to assets/images/ and, when
#   present, ../shared/images/coral/.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: tools/check_real_weights.sh WEIGHTS_DIR [PHOTO...]}
shift || true
jar=app/target/mobilenet-lab.jar
[ -f "$jar" ] || mvn -q -B -DskipTests package
photos=("$@")
if [ ${#photos[@]} -eq 0 ]; then
  photos=(assets/images/*.png assets/images/*.jpg)
  for p in ../shared/images/coral/*.{bmp,jpg}; do [ -f "$p" ] && photos+=("$p"); done
fi
for model in mobilenetv1_100 mobilenetv2_100 mobilenetv3_large_100 mobilenetv3_small_100; do
  w=""
  for cand in "$dir/$model.safetensors" "$dir/$model.tflite-converted.safetensors" "$dir/models--timm--$model"*/snapshots/*/model.safetensors; do
    [ -f "$cand" ] && { w=$cand; break; }
  done
  if [ -z "$w" ]; then echo "== $model: no weights in $dir, skipped"; continue; fi
  echo "== $model ($w)"
  java -jar "$jar" classify --model "$model" --weights "$w" --top 3 "${photos[@]}" || true
done
