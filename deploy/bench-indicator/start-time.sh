#!/usr/bin/env bash
# Time to readiness of one more indicator-service instance (the unit operators scale out), with its
# class-data archive, against engines that already run (deploy/local/run.sh, or --engines-only):
# from `java -jar` to /actuator/health/readiness UP. See README.md "One instance's start".
#
#   deploy/bench-indicator/start-time.sh [--runs=3] [--port=18184] [--no-cds] [--postgres-port=15432]
#       [--kafka-port=19092] [-- extra application arguments, e.g. --debug]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs=3 port=18184 cds=true pg=15432 kafka=19092 extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs=*) runs=${1#*=} ;;
    --port=*) port=${1#*=} ;;
    --no-cds) cds=false ;;
    --postgres-port=*) pg=${1#*=} ;;
    --kafka-port=*) kafka=${1#*=} ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
jar=indicator-service/target/indicator-service.jar
archive=indicator-service/target/cds/indicator-service.jsa
extracted=indicator-service/target/cds/indicator-service/indicator-service.jar
[[ -f $jar ]] || { echo "$jar is missing: ./mvnw -B -ntp -q -DskipTests package -pl indicator-service -am" >&2; exit 1; }
java_bin=java
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_bin="$JAVA_HOME/bin/java"
# the local platform's options (deploy/local LocalPlatform.SERVICE_JVM_OPTIONS)
opts=(-Xms32m -Xmx384m -Xmn12m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=64m
      -XX:MaxHeapFreeRatio=40 -XX:MinHeapFreeRatio=10 -Dfile.encoding=UTF-8)
if [[ $cds == true ]]; then
  [[ -f $archive && -f $extracted ]] || { echo "no class-data archive: build indicator-service (phase package makes it)" >&2; exit 1; }
  opts+=(-XX:SharedArchiveFile=$archive -Xshare:auto)
  run_jar=$extracted
else
  run_jar=$jar
fi
log_dir=deploy/bench-indicator/target/start-time
mkdir -p "$log_dir"
for i in $(seq 1 "$runs"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  t0=$(date +%s%N)
  "$java_bin" "${opts[@]}" -jar "$run_jar" --server.port="$port" \
    --chanjiao.postgres.host=127.0.0.1 --chanjiao.postgres.port="$pg" --chanjiao.postgres.username=postgres \
    --chanjiao.postgres.password= --chanjiao.kafka.bootstrap-servers=127.0.0.1:"$kafka" \
    --chanjiao.keycloak.url=http://127.0.0.1:18080 "${extra[@]}" > "$log_dir/run-$i.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 $pid 2>/dev/null || { echo "the instance exited; see $log_dir/run-$i.log" >&2; tail -20 "$log_dir/run-$i.log" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s%N)
  cpu=$(awk '{printf "%.1f", ($14+$15)/100}' /proc/$pid/stat)
  rss=$(awk '/VmRSS/{printf "%d", $2/1024}' /proc/$pid/status)
  printf 'run %d: readiness UP after %.2f s, %s CPU-s, %s MB RSS (cds %s; load average before %s, after %s)\n' \
    "$i" "$(echo "($t1-$t0)/1000000000" | bc -l)" "$cpu" "$rss" "$cds" "$load" "$(cut -d' ' -f1-3 /proc/loadavg)"
  kill -TERM $pid; wait $pid 2>/dev/null || true
done
