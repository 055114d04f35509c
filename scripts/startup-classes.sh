#!/usr/bin/env bash
# Writes the lists of classes the wizard loads from its jar (and from the JDK's modules outside the CDS archive), in
# load order, for the preloading thread (Preload, ADR 0105): startup-classes.txt, those loaded before the first page is
# interactive; page-classes.txt, those loaded after it while the other pages are built and rehearsed in idle time.
# Run after changing what the pages build: ./mvnw -q package -DskipTests && scripts/startup-classes.sh
# Needs xvfb-run. A stale list only costs start-up time; StartupClassesTest fails when a listed class is gone.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=app/target/spn-doctor.jar
OUT=app/src/main/resources/io/github/spndoctor/app/startup-classes.txt
PAGES=app/src/main/resources/io/github/spndoctor/app/page-classes.txt
[ -f "$JAR" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
# the natural order: no preloading, classes logged to standard output with the first-frame and pages-prepared lines
xvfb-run -a -s '-screen 0 1280x800x24' java -Xlog:class+load=info:stdout -Dspndoctor.preload=false \
    -Dspndoctor.home="$HOME_DIR" -Dspndoctor.startupProbe=true -Dspndoctor.exitAfterPagesPrepared=true \
    -cp "$JAR" io.github.spndoctor.app.Main 2>/dev/null > "$HOME_DIR/log"
classes() { awk '/\[class,load\]/ && (/source: file:/ || /source: jrt:\//) { print $2 }' | grep -v -e '\$\$Lambda' -e '/0x' || true; }
sed '/^FIRST_PAGE_INTERACTIVE_MS=/q' "$HOME_DIR/log" | classes \
  | awk '/^io\.github\.spndoctor\.app\.WizardApp$/ { seen = 1; next } seen && /^io\.github\.spndoctor\./ { keep = 1 } keep' > "$OUT.tmp"
# (kept: from the first of the wizard's own classes after WizardApp on; the classes before it are JavaFX's toolkit
# start, which the toolkit's threads load themselves at that moment: preloading them too would only compete)
{ echo "# Classes the wizard loads before its first page is interactive, in load order (scripts/startup-classes.sh)."; cat "$OUT.tmp"; } > "$OUT"
echo "$(grep -vc '^#' "$OUT") classes -> $OUT"
grep -q '^PAGES_PREPARED_MS=' "$HOME_DIR/log" || { echo "the pages were never prepared (no PAGES_PREPARED_MS line)" >&2; exit 1; }
# after the first frame: what building and rehearsing the other pages loads (the demo directory starts at the same
# time on its own thread; its classes are left out, that thread loads them itself)
sed -n '/^FIRST_PAGE_INTERACTIVE_MS=/,/^PAGES_PREPARED_MS=/p' "$HOME_DIR/log" | classes \
  | grep -v -e '^com\.unboundid\.' -e '^org\.apache\.kerby\.' > "$OUT.tmp"
{ echo "# Classes the other pages load while they are built and rehearsed after the first frame (scripts/startup-classes.sh)."; cat "$OUT.tmp"; } > "$PAGES"
rm -f "$OUT.tmp"
echo "$(grep -vc '^#' "$PAGES") classes -> $PAGES"
