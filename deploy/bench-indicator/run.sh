#!/usr/bin/env bash
# indicator-service load benchmark and kill test (issue 7). See README.md.
#
#   deploy/bench-indicator/run.sh                       the whole run (≈ 6 min)
#   deploy/bench-indicator/run.sh --seconds=60 --concurrency=128 --platforms=512
#   deploy/bench-indicator/run.sh --skip-kill --fast-db
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn=(./mvnw -B -ntp -o -q)
if [[ ! -f indicator-service/target/indicator-service.jar && "$*" != *--service-jar=* ]]; then
  "${mvn[@]}" -pl indicator-service package -DskipTests
fi
if [[ ! -f gateway/target/gateway.jar && "$*" != *--gateway-jar=* ]]; then
  echo "gateway/target/gateway.jar is missing: build it first (./mvnw -pl gateway -am package -DskipTests)" >&2
  exit 1
fi
"${mvn[@]}" -f deploy/bench-indicator/pom.xml package -DskipTests
exec java -Xmx1g -XX:+UseParallelGC -Djava.io.tmpdir="$root/deploy/bench-indicator/target" \
  -cp "deploy/bench-indicator/target/classes:deploy/bench-indicator/target/lib/*" \
  cn.chanjiao.bench.IndicatorBench --root="$root" "$@"
