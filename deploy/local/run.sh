#!/usr/bin/env bash
# The one command that runs the whole platform on embedded defaults:
# PostgreSQL, Kafka, Keycloak (realm chanjiao with demo users) and the six applications.
#
#   deploy/local/run.sh                  build what is missing, start everything, Ctrl-C stops it
#   deploy/local/run.sh --engines-only   PostgreSQL, Kafka and Keycloak only
#   deploy/local/run.sh --help           settings (ports, data folder)
#
# Data stays in <repo>/.local-data between runs. See deploy/local/README.md.
set -euo pipefail

started_ms=$(date +%s%3N)
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

modules=(gateway identity-service application-service reporting-service indicator-service notification-service)
keycloak_version=26.7.3
stamp=deploy/local/target/.built-by-run-sh

# Why a build is needed, or nothing when everything is in place and newer than its sources.
# A source counts when it is newer than the jar *and* than the last build this script ran
# (a build that changes nothing in a jar leaves the jar's time alone).
stale() {
  local jar="$1"; shift
  local reference="$jar"
  [[ -f "$stamp" && "$stamp" -nt "$jar" ]] && reference="$stamp"
  local newer
  newer=$(find "$@" -type f -newer "$reference" \
            -not -path '*/target/*' -not -path '*/src/test/*' -not -path '*/dist/*' -not -path '*/.dist/*' -print -quit 2>/dev/null || true)
  [[ -n "$newer" ]] && echo "$newer is newer than $jar"
  return 0
}

reason=""
for module in "${modules[@]}"; do
  jar="$module/target/$module.jar"
  if [[ ! -f "$jar" ]]; then reason="$jar is missing"; break; fi
  reason=$(stale "$jar" "$module/src/main" "$module/pom.xml" \
           libs/contracts/src/main libs/contracts/pom.xml libs/service-kit/src/main libs/service-kit/pom.xml pom.xml)
  [[ -n "$reason" ]] && break
done
if [[ -z "$reason" ]]; then
  if [[ ! -d deploy/local/target/lib || ! -d deploy/local/target/classes ]]; then
    reason="deploy/local/target/lib is missing"
  elif [[ ! -f ".dist/keycloak-$keycloak_version/bin/kc.sh" ]]; then
    reason="the Keycloak distribution is missing"
  elif [[ ! -f deploy/local/target/local-platform.jar ]]; then
    reason="deploy/local/target/local-platform.jar is missing"
  else
    reason=$(stale deploy/local/target/local-platform.jar deploy/local/src/main deploy/local/pom.xml libs/test-kit/src/main libs/test-kit/pom.xml)
  fi
fi

# --help only prints the settings: no build for it when the launcher exists (a stale jar does not matter)
if [[ " $* " == *" --help "* && -f deploy/local/target/local-platform.jar ]]; then
  reason=""
fi
if [[ -n "$reason" ]]; then
  # A changed pom may change only an application's libraries: Maven then keeps the thin jar (its classes
  # did not change), spring-boot:repackage takes that for repackaged already, and the executable jar
  # would keep the old libraries. Without the jar, both are made afresh (and its class data trained).
  for module in "${modules[@]}"; do
    jar="$module/target/$module.jar"
    [[ -f "$jar" ]] || continue
    reference="$jar"
    [[ -f "$stamp" && "$stamp" -nt "$jar" ]] && reference="$stamp"
    if [[ -n "$(find pom.xml libs/contracts/pom.xml libs/service-kit/pom.xml "$module/pom.xml" -newer "$reference" -print -quit)" ]]; then
      rm -f "$jar" "$jar.original"
    fi
  done
  echo "Building (${reason}): ./mvnw -q -B -DskipTests -DskipImages install …"
  build_started=$(date +%s)
  if [[ -x ./mvnw ]]; then ./mvnw -q -B -DskipTests -DskipImages install; else bash ./mvnw -q -B -DskipTests -DskipImages install; fi
  touch "$stamp"
  echo "Built in $(( $(date +%s) - build_started )) s."
fi

java_bin="java"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_bin="$JAVA_HOME/bin/java"

# The launcher JVM (it also hosts the Kafka broker) has a class-data archive of its own: the first
# run after a build writes it when the launcher exits (-XX:ArchiveClassesAtExit), every later run maps
# it. The stamp names the JDK and the launcher's jars; CHANJIAO_LOCAL_CDS=false runs without.
cds_dir=deploy/local/target/cds
cds=()
training=""
if [[ "${CHANJIAO_LOCAL_CDS:-true}" != false ]]; then
  mkdir -p "$cds_dir"
  stamp_now="$("$java_bin" -version 2>&1 | head -1) $(ls -l --time-style=+%s deploy/local/target/local-platform.jar deploy/local/target/lib | cksum)"
  if [[ -s "$cds_dir/launcher.jsa" && "$(cat "$cds_dir/launcher.stamp" 2>/dev/null)" == "$stamp_now" ]]; then
    cds=(-XX:SharedArchiveFile="$cds_dir/launcher.jsa" -Xshare:auto)
  else
    rm -f "$cds_dir/launcher.jsa" "$cds_dir/launcher.stamp" "$cds_dir/launcher.jsa.tmp"
    training=yes
    # -Xlog: the dump lists the classes it skips
    cds=(-XX:ArchiveClassesAtExit="$cds_dir/launcher.jsa.tmp" -Xlog:cds*=error)
  fi
fi

export CHANJIAO_LOCAL_STARTED_AT="$started_ms"
# C1 only (-XX:TieredStopAtLevel=1), like the applications: C2 compiling the broker took 40 % of the
# launcher's CPU while the platform started (~4 of 10 CPU-s), and a local broker never needs its peak speed;
# an 8 MB young generation keeps ~10 MB less resident.
# shellcheck disable=SC2206
launcher=("$java_bin" ${LOCAL_JAVA_OPTS:--Xms32m -Xmx256m -Xmn8m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k} "${cds[@]}"
          -Dchanjiao.root="$root"
          -cp "deploy/local/target/local-platform.jar:deploy/local/target/lib/*"
          cn.chanjiao.local.LocalPlatform "$@")

if ! command -v setsid >/dev/null 2>&1; then
  exec "${launcher[@]}"
fi
# The launcher runs in a session of its own, so Ctrl-C reaches only this script, which asks the
# launcher to stop (SIGTERM) in order: applications, Keycloak, Kafka, then PostgreSQL. In the
# terminal's process group every child would get Ctrl-C at once, PostgreSQL included, and the
# database would be gone while the applications still finish their work.
setsid "${launcher[@]}" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true' INT TERM HUP
status=0
wait "$pid" || status=$?
# a trapped signal ends the first wait early: wait until the launcher has stopped everything
while kill -0 "$pid" 2>/dev/null; do
  wait "$pid" || status=$?
done
# (a run shorter than a start, e.g. --help, would leave an archive of little use)
if [[ -n "$training" && -s "$cds_dir/launcher.jsa.tmp" && $(( $(date +%s%3N) - started_ms )) -gt 30000 ]]; then
  mv "$cds_dir/launcher.jsa.tmp" "$cds_dir/launcher.jsa" && echo "$stamp_now" > "$cds_dir/launcher.stamp"
fi
rm -f "$cds_dir/launcher.jsa.tmp"
exit "$status"
