#!/bin/bash
# Retakes the lesson screenshots of docs/screenshots/ from the shaded jar under Xvfb (recipe: that README).
# Usage: tools/lesson_screenshots.sh [lesson-id ...]   (default: every lesson)
# Env: OUT (default docs/screenshots), WAIT seconds after the window first draws (default 4; block lessons and multipliers +6),
#      LANGS (default "en zh ko"), JAR (default app/target/mobilenet-lab.jar), SIZES (default "1600x1000 presenter":
#      the 1600×1000 shots, the presenter 1280×720 ones, or both), SHOT_TIMEOUT (seconds per shot, default 200),
#      PRETRAINED=folder of <name>.safetensors (mobilenetv1_100, mobilenetv2_100, mobilenetv3_small_100;
#      never committed): then also standard-learned.png and the *-pretrained.png shots, with that folder as
#      MOBILENET_LAB_WEIGHTS; without it the lesson shots run with an empty weights folder (untrained).
set -u
cd "$(dirname "$0")/.."
JAR=${JAR:-app/target/mobilenet-lab.jar}
OUT=${OUT:-docs/screenshots}
WAIT=${WAIT:-4}
LANGS=${LANGS:-en zh ko}
LESSONS=${*:-standard depthwise pointwise separable groups im2col multipliers inverted-residual squeeze-excite linear-bottleneck}
[ -f "$JAR" ] || { echo "no $JAR: build it with mvn -o -q -B -DskipTests package" >&2; exit 2; }
# Hide every system CJK font (this machine has Droid Sans Fallback), so zh/ko can only come from the
# font the app bundles (assets/fonts); refuse to go on if fontconfig still finds one.
FC_DIR=$(mktemp -d)
trap 'rm -rf "$FC_DIR"' EXIT
cat > "$FC_DIR/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont>
    <glob>*DroidSansFallback*</glob><glob>*wqy*</glob><glob>*CJK*</glob><glob>*Nanum*</glob>
    <glob>*UnDotum*</glob><glob>*arphic*</glob><glob>*uming*</glob><glob>*ukai*</glob><glob>*baekmuk*</glob>
  </rejectfont></selectfont>
</fontconfig>
CONF
export FONTCONFIG_FILE="$FC_DIR/fonts.conf"
if [ -n "$(fc-list :lang=zh)$(fc-list :lang=ko)" ]; then
    echo "a CJK font is still visible to fontconfig: $(fc-list :lang=zh) $(fc-list :lang=ko)" >&2
    exit 2
fi

# the position each lesson is shown at (README: "Positions")
position() {
    case "$1" in
        standard|depthwise) echo "--granularity=row --steps=100" ;;
        pointwise) echo "--granularity=row --steps=40" ;;
        separable) echo "--granularity=row --steps=60" ;;
        groups) echo "--position=1000000" ;;
        im2col) echo "--granularity=row --steps=30" ;;
        inverted-residual) echo "--steps=2" ;;
        squeeze-excite) echo "--steps=3" ;;
        linear-bottleneck) echo "--position=3" ;;  # n = 5: part of the spiral survives, part is folded away
        *) echo "" ;;
    esac
}

# one shot: size, file, app arguments...
shot() {
    local size=$1 file=$2; shift 2
    local wait=$WAIT
    case "$*" in *inverted-residual*|*squeeze-excite*|*multipliers*|*learned*) wait=$((WAIT + 6)) ;; esac
    # a loaded machine may need far longer than WAIT to draw: poll until the screen is no longer blank
    # (its standard deviation > 0.05), then give it WAIT seconds more to settle (block lessons run a network)
    # SHOT_TIMEOUT bounds each shot (a shot once hung: the JVM did not end on TERM, so wait never returned):
    # the app gets TERM, 10 s later KILL, and timeout ends the whole shot if anything else sticks
    rm -f "$file.tmp.png"
    timeout -k 10 "${SHOT_TIMEOUT:-200}" xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
        java -jar "$0" "${@:3}" >/dev/null 2>&1 & pid=$!
        for _ in $(seq 60); do
            sleep 2; import -window root "$2"
            sd=$(convert "$2" -format "%[fx:standard_deviation]" info:)
            awk -v s="$sd" "BEGIN{exit !(s > 0.05)}" && break
        done
        # the final picture; a presenter window going full screen is sometimes blank (white) for a while
        sleep "$1"
        for _ in $(seq 10); do
            import -window root "$2"
            sd=$(convert "$2" -format "%[fx:standard_deviation]" info:)
            awk -v s="$sd" "BEGIN{exit !(s > 0.05)}" && break
            sleep 3
        done
        kill $pid
        for _ in $(seq 10); do kill -0 $pid 2>/dev/null || break; sleep 1; done
        kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null' \
        "$JAR" "$wait" "$file.tmp.png" "$@"
    if [ -s "$file.tmp.png" ]; then
        convert "$file.tmp.png" -colors 256 "PNG8:$file" && rm -f "$file.tmp.png"
        echo "$file"
    else
        echo "FAILED (no picture within ${SHOT_TIMEOUT:-200} s): $file" >&2
    fi
}

# the lesson shots show the untrained state whatever this machine has stored
export MOBILENET_LAB_WEIGHTS="$FC_DIR/no-weights" HF_HUB_CACHE="$FC_DIR/no-hub"
mkdir -p "$MOBILENET_LAB_WEIGHTS" "$HF_HUB_CACHE"

for l in $LESSONS; do
    for lang in $LANGS; do
        suffix=$([ "$lang" = en ] && echo "" || echo "-$lang")
        case " ${SIZES:-1600x1000 presenter} " in *" 1600x1000 "*)
            # shellcheck disable=SC2046
            shot 1600x1000 "$OUT/$l$suffix.png" --lesson="$l" --lang="$lang" $(position "$l") ;;
        esac
        case " ${SIZES:-1600x1000 presenter} " in *" presenter "*)
            # shellcheck disable=SC2046
            shot 1280x720 "$OUT/presenter-$l-$lang.png" --lesson="$l" --lang="$lang" --presenter=true $(position "$l") ;;
        esac
    done
done

if [ -n "${PRETRAINED:-}" ]; then
    export MOBILENET_LAB_WEIGHTS="$PRETRAINED"
    shot 1600x1000 "$OUT/standard-learned.png" --lesson=standard --kernels=learned --granularity=layer --steps=1
    shot 1600x1000 "$OUT/inverted-residual-pretrained.png" --lesson=inverted-residual --steps=2
    shot 1600x1000 "$OUT/squeeze-excite-pretrained.png" --lesson=squeeze-excite --steps=3
fi
