#!/usr/bin/env bash
# Packs the app's jar as Maven would on each platform the poms support (the OS-activated profiles switched
# by hand, JavaFX's platform by property) and checks that each jar carries that platform's native
# libraries and no other's: libnd4j, OpenBLAS, JavaCPP, oneDNN (not on macOS arm64: Maven Central has no
# build), JavaFX. It cannot run them: this checks what a Mac or Windows user's `mvn package` puts in the
# jar, not that it starts there.
#
# Usage: tools/check_platform_jars.sh [output directory, default /tmp/platform-jars]
# Needs the network to Maven Central (the other platforms' classifier jars); rebuilds app/target for the
# host at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/platform-jars}
mkdir -p "$out"
linux_profiles='natives-linux-x86_64,onednn-linux-x86_64,natives-linux-x86_64-avx2'
off=$(echo "$linux_profiles" | sed 's/\([^,]*\)/!\1/g')
failures=0

# platform, JavaFX's name for it, profiles, natives expected (directory or file name patterns)
check() {
  local platform=$1 fx=$2 profiles=$3
  shift 3
  local jar="$out/mobilenet-lab-$platform.jar"
  echo "== $platform (JavaFX $fx, -P $profiles)"
  mvn -q -B -DskipTests -Djavafx.platform="$fx" -Djavacpp.platform="$platform" -P "$profiles" package -pl app -am
  cp app/target/mobilenet-lab.jar "$jar"
  local listing
  listing=$(unzip -l "$jar" | awk '{print $4}')
  for want in "$@"; do
    if grep -Eq "$want" <<<"$listing"; then
      echo "   has     $want"
    else
      echo "   MISSING $want"
      failures=$((failures + 1))
    fi
  done
  # no other platform's libnd4j, OpenBLAS, JavaCPP or oneDNN
  local foreign
  foreign=$(grep -E '^org/(nd4j|bytedeco)/.*/(linux|macosx|windows)-[a-z0-9_-]+/' <<<"$listing" \
    | grep -Ev "/$platform(-avx2|-avx512)?/" | sed -E 's#/[^/]*$##' | sort -u || true)
  if [ -n "$foreign" ]; then
    echo "   FOREIGN natives:"
    sed 's/^/     /' <<<"$foreign"
    failures=$((failures + 1))
  fi
  ls -l "$jar" | awk '{printf "   %s bytes\n", $5}'
}

check macosx-arm64 mac-aarch64 "$off,natives-macosx-arm64" \
  'nativecpu/bindings/macosx-arm64/.*jnind4jcpu' 'org/bytedeco/openblas/macosx-arm64/.*dylib' \
  'org/bytedeco/javacpp/macosx-arm64/' 'libglass\.dylib'
check macosx-x86_64 mac "$off,natives-macosx-x86_64,onednn-macosx-x86_64" \
  'nativecpu/bindings/macosx-x86_64/.*jnind4jcpu' 'org/bytedeco/openblas/macosx-x86_64/.*dylib' \
  'org/bytedeco/javacpp/macosx-x86_64/' 'org/bytedeco/dnnl/macosx-x86_64/.*dnnl' 'libglass\.dylib'
check windows-x86_64 win "$off,natives-windows-x86_64,onednn-windows-x86_64" \
  'nativecpu/bindings/windows-x86_64/.*jnind4jcpu' 'org/bytedeco/openblas/windows-x86_64/.*dll' \
  'org/bytedeco/javacpp/windows-x86_64/' 'org/bytedeco/dnnl/windows-x86_64/.*dnnl' 'glass\.dll'
check linux-x86_64 linux "$linux_profiles" \
  'nativecpu/bindings/linux-x86_64/.*jnind4jcpu' 'org/bytedeco/openblas/linux-x86_64/.*\.so' \
  'org/bytedeco/javacpp/linux-x86_64/' 'org/bytedeco/dnnl/linux-x86_64/.*dnnl' 'libglass\.so'

echo "failures: $failures"
exit $((failures > 0))
