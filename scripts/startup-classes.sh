#!/usr/bin/env bash
# Writes the list of classes the wizard loads from its jar (and from the JDK's modules outside the CDS archive)
# before its first page is interactive, in load order, for the preloading thread (Preload, ADR 0105).
# Run after changing what the first page builds: ./mvnw -q package -DskipTests && scripts/startup-classes.sh
# Needs xvfb-run. A stale list only costs start-up time; StartupClassesTest fails when a listed class is gone.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=app/target/spn-doctor.jar
OUT=app/src/main/resources/io/github/spndoctor/app/startup-classes.txt
[ -f "$JAR" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
# the natural order: no preloading, classes logged to standard output before the first-frame line
xvfb-run -a -s '-screen 0 1280x800x24' java -Xlog:class+load=info:stdout -Dspndoctor.preload=false \
    -Dspndoctor.home="$HOME_DIR" -Dspndoctor.startupProbe=true -Dspndoctor.exitAfterStartup=true \
    -cp "$JAR" io.github.spndoctor.app.Main 2>/dev/null \
  | awk '/^FIRST_PAGE_INTERACTIVE_MS=/ { exit } /\[class,load\]/ && (/source: file:/ || /source: jrt:\//) { print $2 }' \
  | grep -v -e '\$\$Lambda' -e '/0x' \
  | awk '/^io\.github\.spndoctor\.app\.WizardApp$/ { seen = 1; next } seen && /^io\.github\.spndoctor\./ { keep = 1 } keep' > "$OUT.tmp"
# (kept: from the first of the wizard's own classes after WizardApp on; the classes before it are JavaFX's toolkit
# start, which the toolkit's threads load themselves at that moment: preloading them too would only compete)
{ echo "# Classes the wizard loads before its first page is interactive, in load order (scripts/startup-classes.sh)."; cat "$OUT.tmp"; } > "$OUT"
rm -f "$OUT.tmp"
echo "$(grep -vc '^#' "$OUT") classes -> $OUT"
