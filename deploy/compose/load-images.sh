#!/usr/bin/env bash
# Loads the six application images that the Maven build wrote (<module>/target/<module>-image.tar)
# into the local Docker engine: ./mvnw -DskipTests package && deploy/compose/load-images.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
for module in gateway identity-service application-service reporting-service indicator-service notification-service; do
  tarball=$root/$module/target/$module-image.tar
  [ -f "$tarball" ] || { echo "missing $tarball: build it with ./mvnw -DskipTests package (Linux, JDK 17+)" >&2; exit 1; }
  docker load --input "$tarball"
done
