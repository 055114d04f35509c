#!/usr/bin/env bash
# Screenshots of every wizard step at 1024x768, taken from the app itself on the demo directory
# (app/src/test/java/io/github/spndoctor/app/shots/Screenshots.java). Default: docs/images/step-N-*.png for the README.
#   scripts/screenshots.sh [OUT_DIR] [HOST...]
# Runs headless (Monocle, software rendering) unless DISPLAY is set and SHOTS_GLASS=1 (then on that X display).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/images}; shift || true
./mvnw -q -o -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
CP="app/target/classes:app/target/test-classes:$(cat app/target/cp.txt)"
if [ "${SHOTS_GLASS:-0}" = 1 ] && [ -n "${DISPLAY:-}" ]; then
  FLAGS=(-Dprism.order=sw)
else
  FLAGS=(-Dtestfx.robot=glass -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true)
fi
exec java "${FLAGS[@]}" ${SHOTS_JAVA_OPTS:-} -Dspndoctor.home="$(mktemp -d)" -cp "$CP" io.github.spndoctor.app.shots.Screenshots "$OUT" "$@"
