#!/usr/bin/env bash
# The README's Quick start, end to end, without the internet: a local stand-in for the hub (tools/hub_mirror.py)
# serves the .safetensors files of WEIGHTS_DIR, a fresh HOME gets an empty Hugging Face cache, and the documented
# commands run exactly as written with HF_ENDPOINT pointing at the stand-in. A check outside the unit suite.
# Usage: tools/check_weights_download.sh WEIGHTS_DIR [PORT]     (e.g. ../shared/weights 8765)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: tools/check_weights_download.sh WEIGHTS_DIR [PORT]}
port=${2:-8765}
jar=app/target/mobilenet-lab.jar
[ -f "$jar" ] || mvn -q -B -DskipTests package
home=$(mktemp -d)
python3 tools/hub_mirror.py "$dir" "$port" > "$home/mirror.log" 2>&1 &
mirror=$!
trap 'kill $mirror; rm -rf "$home"' EXIT
sleep 2
export HOME=$home HF_ENDPOINT=http://127.0.0.1:$port
set -x
java -jar "$jar" classify --model mobilenetv3_small_100 assets/images/coffee.png && exit 1 || true  # no weights yet: exit 2
java -jar "$jar" weights download mobilenetv3_small_100
java -jar "$jar" classify --model mobilenetv3_small_100 assets/images/coffee.png
java -jar "$jar" classify --model mobilenetv3_small_100 assets/images/coffee.png assets/images/chelsea.png
java -jar "$jar" weights list
HF_HUB_OFFLINE=1 java -jar "$jar" weights verify
