#!/usr/bin/env bash
# Fetch the Apache Kafka broker jars from Maven Central into infra/kafka/lib/<version>/.
# Idempotent: a complete lib dir (marked by .complete) is reused without touching mvn.
# Prints the lib dir (the classpath is "<dir>/*") on stdout; everything else goes to stderr.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="${KAFKA_VERSION:-$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")}"
lib="$here/lib/$version"

if [[ -f "$lib/.complete" && -f "$lib/kafka_2.13-$version.jar" ]]; then
  echo "$lib"
  exit 0
fi

command -v mvn >/dev/null || { echo "fetch.sh: mvn not found (apt-get install maven)" >&2; exit 1; }
echo "fetch.sh: downloading Kafka $version jars into $lib" >&2
# Copy into a temp dir and rename, so an interrupted fetch never leaves a half lib dir behind.
tmp="$lib.tmp.$$"
rm -rf "$tmp"
trap 'rm -rf "$tmp"' EXIT
mvn -B -q -Dstyle.color=never -f "$here/pom.xml" -Dkafka.version="$version" \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" >&2
[[ -f "$tmp/kafka_2.13-$version.jar" ]] || { echo "fetch.sh: kafka_2.13-$version.jar missing after mvn" >&2; exit 1; }
touch "$tmp/.complete"
rm -rf "$lib"
mv "$tmp" "$lib"
echo "$lib"
