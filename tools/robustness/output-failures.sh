#!/bin/sh
# Real-environment checks of `export` failures that the Java tests inject: a full disk (a 64 KiB tmpfs),
# a directory without write permission and a read-only file (as the unprivileged user nobody, since root
# ignores permission bits), and a stale .part of a killed export. Needs root (mount, setpriv) and the
# shaded jar: mvn -B -q -DskipTests package. Prints each command's exit status and stderr.
set -u
JAR=${JAR:-$(cd "$(dirname "$0")/../.." && pwd)/app/target/mobilenet-lab.jar}
PHOTO=${PHOTO:-$(cd "$(dirname "$0")/../.." && pwd)/assets/images/chelsea.png}
WORK=$(mktemp -d /tmp/mobilenet-output-XXXXXX)
chmod 755 "$WORK"
run() { # label, then the command
    label=$1; shift
    "$@" >"$WORK/out" 2>"$WORK/err"; status=$?
    echo "$label: exit $status: $(head -c 300 "$WORK/err" | tr '\n' ' ')"
}
export_to() { java -jar "$JAR" export --lesson standard --image "$PHOTO" --frames 40 --out "$1"; }

mkdir "$WORK/full" && mount -t tmpfs -o size=64k tmpfs "$WORK/full"
run "disk full (64 KiB tmpfs), GIF" export_to "$WORK/full/steps.gif"
echo "  left on the tmpfs: $(ls -A "$WORK/full" | tr '\n' ' ')"
run "java.io.tmpdir on the full tmpfs, GIF to a disk with room" \
    java -Djava.io.tmpdir="$WORK/full" -jar "$JAR" export --lesson standard --image "$PHOTO" --frames 40 --out "$WORK/room.gif"
echo "  $(file "$WORK/room.gif" | cut -d: -f2)"
umount "$WORK/full"

mkdir "$WORK/locked" && chmod 555 "$WORK/locked"
run "directory without write permission (nobody)" setpriv --reuid=65534 --regid=65534 --clear-groups \
    java -jar "$JAR" export --lesson standard --image "$PHOTO" --out "$WORK/locked/slide.png"
echo keep >"$WORK/final.png" && chmod 444 "$WORK/final.png" && chmod 777 "$WORK"
run "read-only file (nobody)" setpriv --reuid=65534 --regid=65534 --clear-groups \
    java -jar "$JAR" export --lesson standard --image "$PHOTO" --out "$WORK/final.png"
echo "  final.png still holds: $(cat "$WORK/final.png")"
chmod 755 "$WORK"

mkdir "$WORK/dir.gif"
run "--out naming a directory" export_to "$WORK/dir.gif"

echo half >"$WORK/.slide.gif.0b6f3a52-6a65-4a8e-9f43-2f6f0f1c9d11.part"
touch -d '1 day ago' "$WORK/.slide.gif.0b6f3a52-6a65-4a8e-9f43-2f6f0f1c9d11.part"
run "export next to a stale .part" java -jar "$JAR" export --lesson standard --image "$PHOTO" --out "$WORK/slide.jpg"
echo "  .part files left: $(ls -A "$WORK" | grep -c '\.part$')"
file "$WORK/slide.jpg" 2>/dev/null || true
rm -rf "$WORK"
