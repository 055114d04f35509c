#!/usr/bin/env bash
# Benchmarks for lookup and scan (docs/benchmarks/lookup-and-scan.md). Not tests: they print figures.
#   bench/run-benchmarks.sh lookup        warm lookup vs one raw UnboundID search (Samba GC)
#   bench/run-benchmarks.sh cli           CLI `lookup` end to end (java -jar), 10 runs
#   bench/run-benchmarks.sh samba-scan    ~10^4 SPNs in a throw-away OU on Samba: scan vs paged ldapsearch dump
#   bench/run-benchmarks.sh feed [SPNS]   the scan index alone fed 10^6 SPNs in its own JVM: retained heap/SPN
#   bench/run-benchmarks.sh heap [SPNS]   SPNs on an in-memory server in its own process, scanned over LDAP
#                                         (the in-memory server's paging is quadratic: use <= 10^5 there)
#   bench/run-benchmarks.sh stream [SPNS] SPNs (default 10^6) on StreamingBenchServer (cursor paging, linear per
#                                         page) in its own JVM: scanner heap/SPN, scan vs paged ldapsearch dump
#                                         interleaved (RUNS, default 5), CLI scan end to end (3 runs)
# Needs the Samba lab (../shared/samba-lab) for all but `feed`, `heap` and `stream`, and `./mvnw package` for `cli`.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
LAB=../shared/samba-lab/samba-lab.sh
[ -f "$LAB" ] && eval "$(bash "$LAB" env)"

classpath() {
  ./mvnw -q -o -pl core test-compile >/dev/null
  [ -s core/target/cp.txt ] || ./mvnw -q -pl core dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
  echo "core/target/classes:core/target/test-classes:$(cat core/target/cp.txt)"
}

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

live=(--url "${SAMBALAB_LDAP_URI:-}" --gc-url "${SAMBALAB_GC_URI:-}" --bind-upn "${SAMBALAB_BIND_UPN:-}" --password-env SAMBALAB_BIND_PW --ca-file "${LDAPTLS_CACERT:-}")

case "${1:-}" in
  lookup)
    CP=$(classpath)
    for t in srv003.lab.test DYNAMICS-CRM srv004.lab.test; do
      java -cp "$CP" io.github.spndoctor.core.directory.ldap.LookupBenchmark "$t" 2000
    done ;;
  cli)
    JAR=app/target/spn-doctor.jar
    [ -f "$JAR" ] || ./mvnw -q -o package -DskipTests
    echo "cores: $(nproc)"
    for i in $(seq 1 10); do
      a=$(now); java -jar "$JAR" lookup --target srv003.lab.test "${live[@]}" --json >/dev/null; b=$(now)
      echo "cli lookup run $i: $(secs "$a" "$b") s"
    done ;;
  samba-scan)
    CP=$(classpath)
    OU="OU=SpnBench,$SAMBALAB_BASE_DN"
    N=${N:-5000}
    lds() { ldapsearch -LLL -o ldif-wrap=no -H "$SAMBALAB_LDAP_URI" -x -D "$SAMBALAB_BIND_UPN" -w "$SAMBALAB_BIND_PW" "$@"; }
    cleanup() {
      echo "deleting $OU ..."
      a=$(now); ldapdelete -c -r -H "$SAMBALAB_LDAP_URI" -x -D "$SAMBALAB_BIND_UPN" -w "$SAMBALAB_BIND_PW" "$OU" >/dev/null 2>&1 || true
      echo "deleted in $(secs "$a" "$(now)") s"; bash "$LAB" seed >/dev/null
    }
    trap cleanup EXIT
    if ! lds -b "$OU" -s base dn >/dev/null 2>&1; then
      echo "adding $N users with 2 SPNs each under $OU ..."
      a=$(now)
      { printf 'dn: %s\nobjectClass: organizationalUnit\nou: SpnBench\n\n' "$OU"
        for i in $(seq -w 1 "$N"); do
          printf 'dn: CN=spnbench%s,%s\nobjectClass: user\nsAMAccountName: spnbench%s\nservicePrincipalName: HTTP/bench%s.lab.test\nservicePrincipalName: MSSQLSvc/benchdb%s.lab.test:1433\n\n' "$i" "$OU" "$i" "$i" "$i"
        done; } | ldapadd -c -H "$SAMBALAB_LDAP_URI" -x -D "$SAMBALAB_BIND_UPN" -w "$SAMBALAB_BIND_PW" >/dev/null
      echo "added in $(secs "$a" "$(now)") s"
    fi
    echo "SPN values through the GC: $(ldapsearch -LLL -o ldif-wrap=no -H "$SAMBALAB_GC_URI" -x -D "$SAMBALAB_BIND_UPN" -w "$SAMBALAB_BIND_PW" -b '' -E pr=1000/noprompt '(servicePrincipalName=*)' servicePrincipalName | grep -c '^servicePrincipalName:')"
    for i in 1 2 3 4 5; do
      a=$(now)
      ldapsearch -LLL -o ldif-wrap=no -H "$SAMBALAB_GC_URI" -x -D "$SAMBALAB_BIND_UPN" -w "$SAMBALAB_BIND_PW" -b '' \
        -E pr=1000/noprompt '(servicePrincipalName=*)' servicePrincipalName >/dev/null
      echo "ldapsearch paged dump run $i: $(secs "$a" "$(now)") s"
    done
    java -cp "$CP" io.github.spndoctor.core.scan.ScanBenchmark samba 5
    JAR=app/target/spn-doctor.jar
    if [ -f "$JAR" ]; then
      for i in 1 2 3; do
        a=$(now); java -jar "$JAR" scan --quiet "${live[@]}" >/dev/null; echo "cli scan run $i: $(secs "$a" "$(now)") s"
      done
    fi ;;
  feed)
    CP=$(classpath)
    java -Xmx1g -XX:+UseSerialGC -cp "$CP" io.github.spndoctor.core.scan.ScanBenchmark feed "${2:-1000000}" ;;
  heap)
    CP=$(classpath)
    SPNS=${2:-1000000}
    LOG=$(mktemp)
    java -Xmx8g -XX:+UseParallelGC -cp "$CP" io.github.spndoctor.core.scan.ScanBenchmark server "$SPNS" >"$LOG" 2>&1 &
    SERVER=$!
    trap 'kill $SERVER 2>/dev/null || true; rm -f "$LOG"' EXIT
    until grep -q READY "$LOG"; do sleep 2; kill -0 $SERVER || { cat "$LOG"; exit 1; }; done
    cat "$LOG"
    PORT=$(sed -n 's/^READY //p' "$LOG")
    java -Xmx2g -XX:+UseSerialGC -cp "$CP" io.github.spndoctor.core.scan.ScanBenchmark heap "$PORT"
    for i in 1 2 3; do
      a=$(now); ldapsearch -LLL -o ldif-wrap=no -H "ldap://127.0.0.1:$PORT" -x -b '' -E pr=1000/noprompt \
        '(servicePrincipalName=*)' servicePrincipalName >/dev/null
      echo "ldapsearch paged dump run $i: $(secs "$a" "$(now)") s"
    done ;;
  stream)
    CP=$(classpath)
    SPNS=${2:-1000000}
    LOG=$(mktemp)
    echo "cores: $(nproc); $(uptime)"
    java -Xmx6g -XX:+UseParallelGC -cp "$CP" io.github.spndoctor.core.scan.StreamingBenchServer "$SPNS" >"$LOG" 2>&1 &
    SERVER=$!
    trap 'kill $SERVER 2>/dev/null || true; rm -f "$LOG"' EXIT
    until grep -q READY "$LOG"; do sleep 2; kill -0 $SERVER || { cat "$LOG"; exit 1; }; done
    cat "$LOG"
    PORT=$(sed -n 's/^READY //p' "$LOG")
    echo "SPN values a paged ldapsearch dump returns: $(ldapsearch -LLL -o ldif-wrap=no -H "ldap://127.0.0.1:$PORT" -x -b '' \
      -E pr=1000/noprompt '(servicePrincipalName=*)' servicePrincipalName | grep -c '^servicePrincipalName:')"
    echo "--- scanner heap (own JVM, -Xmx2g, serial GC); $(uptime)"
    java -Xmx2g -XX:+UseSerialGC -cp "$CP" io.github.spndoctor.core.scan.ScanBenchmark heap "$PORT" "$SPNS"
    echo "--- scan in a warm JVM (default GC) vs ldapsearch, interleaved; $(uptime)"
    java -Xmx2g -cp "$CP" io.github.spndoctor.core.scan.ScanBenchmark versus "$PORT" "${RUNS:-5}" "$SERVER"
    JAR=app/target/spn-doctor.jar
    [ -f "$JAR" ] || ./mvnw -q -o package -DskipTests
    echo "--- CLI end to end; $(uptime)"
    export BENCH_PW=bench-only # the bench server's throw-away credential (StreamingBenchServer.BIND_PASSWORD)
    for i in 1 2 3; do
      a=$(now)
      java -jar "$JAR" scan --quiet --url "ldap://127.0.0.1:$PORT" --gc-url "ldap://127.0.0.1:$PORT" --allow-plain-ldap \
        --bind-dn "CN=bench reader" --password-env BENCH_PW --base-dn DC=bench,DC=test --json >"$LOG.json"
      echo "cli scan run $i: $(secs "$a" "$(now)") s, $(grep -o '"cause" *: *"[a-z-]*"' "$LOG.json" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
    done
    rm -f "$LOG.json"
    echo "server: $(grep -E 'VmHWM|VmRSS' /proc/$SERVER/status | tr -s ' \t' ' ' | tr '\n' ' '); $(uptime)" ;;
  *) sed -n '2,11p' "$0"; exit 2 ;;
esac
