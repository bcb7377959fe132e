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
[[ -f $jar ]] || { echo "$jar is missing: ./mvnw -B -ntp -q -DskipTests package -pl indicator-service -am" >&2; exit 1; }
java_bin=java
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_bin="$JAVA_HOME/bin/java"
# the local platform's options (deploy/local LocalPlatform.SERVICE_JVM_OPTIONS)
opts=(-Xms32m -Xmx384m -Xmn12m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=64m
      -XX:MaxHeapFreeRatio=40 -XX:MinHeapFreeRatio=10 -Dfile.encoding=UTF-8)
# as the local launcher does: the image's files and runtime when the build made them with an archive
# (profile "images", the default on Linux), else the archive for this JDK (a -DskipImages build)
image_dir=indicator-service/target/cds/image
work_dir=.
run_jar=$jar
if [[ $cds == true ]]; then
  if [[ -f $image_dir/indicator-service/indicator-service.jsa && -x target/image-runtime/java/bin/java
        && $image_dir/indicator-service.stamp -nt $jar ]] && grep -q 'training=true' $image_dir/indicator-service.stamp; then
    java_bin=$root/target/image-runtime/java/bin/java
    work_dir=$image_dir/indicator-service   # the archive holds the class path as "indicator-service.jar"
    opts+=(-XX:SharedArchiveFile=indicator-service.jsa -Xshare:auto)
    run_jar=indicator-service.jar
    cds="image runtime + archive"
  elif [[ -f indicator-service/target/cds/indicator-service.jsa && -f indicator-service/target/cds/indicator-service/indicator-service.jar ]]; then
    opts+=(-XX:SharedArchiveFile=indicator-service/target/cds/indicator-service.jsa -Xshare:auto)
    run_jar=indicator-service/target/cds/indicator-service/indicator-service.jar
    cds="this JDK + archive"
  else
    echo "no class-data archive: build indicator-service (phase package makes it)" >&2; exit 1
  fi
fi
log_dir=deploy/bench-indicator/target/start-time
mkdir -p "$log_dir"
for i in $(seq 1 "$runs"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  t0=$(date +%s%N)
  (cd "$work_dir" && exec "$java_bin" "${opts[@]}" -jar "$run_jar" --server.port="$port" \
    --chanjiao.postgres.host=127.0.0.1 --chanjiao.postgres.port="$pg" --chanjiao.postgres.username=postgres \
    --chanjiao.postgres.password= --chanjiao.kafka.bootstrap-servers=127.0.0.1:"$kafka" \
    --chanjiao.keycloak.url=http://127.0.0.1:18080 "${extra[@]}") > "$log_dir/run-$i.log" 2>&1 &
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
