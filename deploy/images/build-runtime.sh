#!/usr/bin/env bash
# Builds the base layer of the platform's container images without a Docker daemon or a registry:
# a Java runtime cut from the build's own JDK with jlink, the C libraries it links against, a
# non-root user and a health-check class, packed as a one-layer image archive (<output>/base.tar)
# that the applications' Jib builds (`jib:buildTar`) take as base image. Linux with glibc only.
#
#   build-runtime.sh <java.home of a JDK 17+> <output folder>
#
# The output is reused while its stamp matches the JDK and this script; delete it to rebuild.
# Run by the Maven build (root pom, profile "images"); by hand: build-runtime.sh "$JAVA_HOME" target/image-runtime
set -euo pipefail

JDK=${1:?usage: build-runtime.sh <jdk home> <output folder>}
OUT=${2:?usage: build-runtime.sh <jdk home> <output folder>}
HERE=$(cd "$(dirname "$0")" && pwd)

# Modules a Spring Boot 4 service needs (java.desktop for java.beans, java.sql, JMX, JFR, DNS, zip
# file systems, EC crypto, GBK and other charsets for Excel imports); `jdeps` cannot see through
# nested jars, so the list is kept here and was proven by starting the images (deploy/README.md §6).
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,\
java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jfr,\
jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
# the non-root user every image runs as
APP_UID=10001
APP_USER=chanjiao

[ "$(uname -s)" = Linux ] || { echo "build-runtime.sh: images are built on Linux only (the runtime is this machine's JDK and C library)" >&2; exit 1; }
release=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$JDK/release")
[ "${release%%.*}" -ge 17 ] 2>/dev/null || { echo "build-runtime.sh: $JDK is Java '$release'; the images need a JDK 17 or newer" >&2; exit 1; }
[ -x "$JDK/bin/jlink" ] || { echo "build-runtime.sh: $JDK has no jlink; run the build with a full JDK (not a JRE)" >&2; exit 1; }

# one build at a time (parallel Maven builds run this from several modules)
mkdir -p "$(dirname "$OUT")"
if command -v flock > /dev/null; then
  exec 9> "$OUT.lock"
  flock 9
fi

stamp="jdk=$JDK $release; script=$(cksum < "$0" | cut -d' ' -f1); check=$(cksum < "$HERE/HealthCheck.java" | cut -d' ' -f1)"
if [ -f "$OUT/.stamp" ] && [ "$(cat "$OUT/.stamp")" = "$stamp" ]; then
  exit 0
fi

work=$(mktemp -d "$(dirname "$OUT")/.runtime.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
java_home=$root/opt/java/openjdk

# (a JDK without a jmods folder can link only when built for it, JEP 493; Debian/Ubuntu ship the
# jmods in openjdk-17-jdk-headless or openjdk-17-jmods)
# --generate-cds-archive: the runtime's own base class-data archive (lib/server/classes.jsa), which the
# applications' archives (trained with this runtime, <module>/target/cds/image/) are laid on top of
"$JDK/bin/jlink" --add-modules "$MODULES" --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$java_home"
# headless: no X11 toolkit, splash screen, sound or AWT native interface (their X11/ALSA libraries are not in the image)
rm -f "$java_home"/lib/libawt_xawt.so "$java_home"/lib/libsplashscreen.so "$java_home"/lib/libjsound.so "$java_home"/lib/libjawt.so
# jlink links legal notices to each other; image layers should hold plain files
find "$java_home/legal" -type l | while read -r link; do cp --remove-destination "$(readlink -f "$link")" "$link"; done

# The C libraries the runtime links against (the loader, glibc, zlib, libstdc++ …), copied as
# plain files to where the loader looks.
find "$java_home" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) -print0 |
  xargs -0 -n 20 env LD_LIBRARY_PATH="$java_home/lib:$java_home/lib/server" ldd 2>/dev/null |
  awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | sort -u |
  while read -r lib; do
    case "$lib" in "$java_home"/*) continue;; esac
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done

mkdir -p "$root/etc" "$root/tmp" "$root/home/$APP_USER" "$root/opt/chanjiao"
cat > "$root/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
$APP_USER:x:$APP_UID:$APP_UID:chanjiao:/home/$APP_USER:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
PASSWD
cat > "$root/etc/group" <<GROUP
root:x:0:
$APP_USER:x:$APP_UID:
nogroup:x:65534:
GROUP
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"

# `java -cp /opt/chanjiao HealthCheck <url>`: the images have no shell and no curl, so compose's
# health checks call this (exit 0 when the URL answers 2xx within 3 s)
"$JDK/bin/javac" --release 17 -d "$root/opt/chanjiao" "$HERE/HealthCheck.java"

# One image layer of it all, with the right owners and modes (so Jib never recompresses it: the six
# images share this layer byte for byte), then a Docker image archive Jib takes as base image
# (from.image = tar://…/base.tar).
chmod 1777 "$root/tmp"
chmod 0755 "$root/opt/chanjiao" "$root/etc"
layer=$work/layer.tar
(cd "$root" && tar --create --file="$layer" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
   --exclude="./home/$APP_USER" . \
 && tar --append --file="$layer" --mtime=@0 --owner=$APP_UID --group=$APP_UID --numeric-owner "./home/$APP_USER")
diff_id=$(sha256sum "$layer" | cut -d' ' -f1)
gzip -n -6 "$layer"
case "$(uname -m)" in x86_64) arch=amd64;; aarch64|arm64) arch=arm64;; *) arch=$(uname -m);; esac
cat > "$work/config.json" <<CONFIG
{"architecture":"$arch","os":"linux","config":{"User":"$APP_UID:$APP_UID","WorkingDir":"/home/$APP_USER",
"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"]},
"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
"history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/build-runtime.sh","comment":"Java $release runtime (jlink), C libraries, user $APP_USER"}]}
CONFIG
echo '[{"Config":"config.json","RepoTags":["chanjiao/runtime:local"],"Layers":["layer.tar.gz"]}]' > "$work/manifest.json"
tar --create --file="$work/base.tar" --directory="$work" --mtime=@0 --owner=0 --group=0 --numeric-owner \
  manifest.json config.json layer.tar.gz

echo "$stamp" > "$work/.stamp"
unpacked=$(du -sh "$root" | cut -f1)
rm -rf "$OUT"
mkdir -p "$OUT"
# the runtime stays unpacked too (<output>/java): the applications' image archives are trained with it
mv "$java_home" "$OUT/java"
mv "$work/base.tar" "$work/.stamp" "$OUT/"
echo "image base: $unpacked unpacked, $(du -h "$OUT/base.tar" | cut -f1) in $OUT/base.tar (Java $release from $JDK, $arch)"
