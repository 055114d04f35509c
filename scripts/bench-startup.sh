#!/usr/bin/env bash
# Start-up and UI-responsiveness benchmark of the SPN Doctor wizard (docs/benchmarks/startup-and-fx.md).
#   (a) first wizard page interactive vs a bare JavaFX hello window, both started the same way (java -cp <shaded jar>)
#       under Xvfb, RUNS times each, interleaved; prints the medians and the ratio (target <= 1.3).
#   (b) the longest gap between two frames while the wizard walks the whole fix path against a demo directory
#       slowed to DELAY ms per search (target < 100 ms); (c) the same for the bare window left idle, the noise floor.
# Needs: a built jar (./mvnw -q package -DskipTests), xvfb-run, GTK 3 (Debian: libgtk-3-0; the tests use Monocle and
# do not need it, a real window does), a JDK 17+. Usage: scripts/bench-startup.sh [RUNS] [DELAY]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
DELAY=${2:-2000}
JAR=app/target/spn-doctor.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
javac -d "$WORK" -cp "$JAR" scripts/bench/HelloFx.java scripts/bench/IdleGap.java scripts/bench/PulseGap.java
STATE="$WORK/state"
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
run_x() { xvfb-run -a -s '-screen 0 1280x800x24' "$@" 2>/dev/null; }
: > "$WORK/hello.txt"; : > "$WORK/wizard.txt"
for i in $(seq "$RUNS"); do
  run_x java -cp "$JAR:$WORK" HelloFx | sed -n 's/^FIRST_PAGE_INTERACTIVE_MS=\([0-9]*\).*/\1/p' >> "$WORK/hello.txt"
  run_x java -Dspndoctor.home="$STATE" -Dspndoctor.startupProbe=true -Dspndoctor.exitAfterStartup=true \
      -cp "$JAR" io.github.spndoctor.app.Main | sed -n 's/^FIRST_PAGE_INTERACTIVE_MS=\([0-9]*\).*/\1/p' >> "$WORK/wizard.txt"
done
H=$(median < "$WORK/hello.txt"); W=$(median < "$WORK/wizard.txt")
echo "hello window ms:  $(tr '\n' ' ' < "$WORK/hello.txt")  median $H"
echo "wizard page 1 ms: $(tr '\n' ' ' < "$WORK/wizard.txt")  median $W"
awk -v w="$W" -v h="$H" 'BEGIN { printf "ratio wizard/hello: %.2f (target <= 1.3, issue 10)\n", w / h }'
run_x java -Dspndoctor.home="$STATE" -cp "$JAR:$WORK" PulseGap "$DELAY"
# (c) the noise floor for (b): the bare window idle for as long as the walk takes; a gap above it is the wizard's
run_x java -cp "$JAR:$WORK" IdleGap 50
