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

if [[ -n "$reason" ]]; then
  echo "Building (${reason}): ./mvnw -q -B -DskipTests -DskipImages install …"
  build_started=$(date +%s)
  if [[ -x ./mvnw ]]; then ./mvnw -q -B -DskipTests -DskipImages install; else bash ./mvnw -q -B -DskipTests -DskipImages install; fi
  touch "$stamp"
  echo "Built in $(( $(date +%s) - build_started )) s."
fi

java_bin="java"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_bin="$JAVA_HOME/bin/java"

# The launcher JVM also hosts the Kafka broker.
export CHANJIAO_LOCAL_STARTED_AT="$started_ms"
# shellcheck disable=SC2206
launcher=("$java_bin" ${LOCAL_JAVA_OPTS:--Xms32m -Xmx256m -XX:+UseSerialGC -Xss512k}
          -Dchanjiao.root="$root"
          -cp "deploy/local/target/classes:deploy/local/target/lib/*"
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
exit "$status"
