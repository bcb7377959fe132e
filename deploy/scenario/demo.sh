#!/usr/bin/env bash
# Loads one programme year into the platform that deploy/local/run.sh runs, through the gateway's
# public API (see deploy/scenario/README.md). Run it in a second terminal once run.sh says ready:
#
#   deploy/scenario/demo.sh                       gateway 127.0.0.1:8080, Keycloak 127.0.0.1:18080
#   deploy/scenario/demo.sh --gateway URL --keycloak URL
#
# A second run notices the data of the first and only prints what to look at.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if [[ ! -d deploy/scenario/target/lib || ! -d deploy/scenario/target/classes/cn ]]; then
  echo "Building deploy/scenario …"
  if [[ -x ./mvnw ]]; then mvn=(./mvnw); else mvn=(bash ./mvnw); fi
  "${mvn[@]}" -q -B -DskipTests -DskipImages -pl deploy/scenario -am package
fi

java_bin="java"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_bin="$JAVA_HOME/bin/java"
exec "$java_bin" -Xmx256m -Dfile.encoding=UTF-8 -cp "deploy/scenario/target/classes:deploy/scenario/target/lib/*" \
  cn.chanjiao.scenario.Demo "$@"
