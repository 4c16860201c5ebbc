#!/usr/bin/env bash
# Soak: Postfix's smtp-source sends MESSAGES messages of SIZE bytes through SESSIONS parallel
# sessions to 'bouncekit serve' at its default settings, while this samples the server's resident
# memory (VmRSS) once a second. Writes rss.csv (seconds, RSS in MB, messages received) and fails
# when the highest RSS is over LIMIT_MB.
#
#   bench/soak/soak.sh [path/to/bouncekit.jar]      (build it with: mvn -B package -pl cli -am -DskipTests)
#   MESSAGES=100000 SIZE=4096 SESSIONS=20 LIMIT_MB=512 OUT=bench/soak/rss.csv
#
# Needs smtp-source (Debian package postfix) and curl; installs them when missing and run as root.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="${1:-cli/target/bouncekit.jar}"
messages="${MESSAGES:-100000}"
size="${SIZE:-4096}"
sessions="${SESSIONS:-20}"
limit_mb="${LIMIT_MB:-512}"
out="${OUT:-bench/soak/rss.csv}"
smtp_port="${SMTP_PORT:-2526}"
http_port="${HTTP_PORT:-8026}"

if ! command -v smtp-source >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix curl >/dev/null
fi
[ -f "$jar" ] || { echo "no $jar: build it with mvn -B package -pl cli -am -DskipTests" >&2; exit 2; }

java -jar "$jar" serve --quiet --smtp-port "$smtp_port" --http-port "$http_port" --hostname soak.bouncekit.test \
  > /tmp/bouncekit-soak.log 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$http_port/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done

received() {
  curl -fs "http://127.0.0.1:$http_port/api/v1/messages?limit=0" \
    | sed -E 's/.*"total":([0-9]+).*"evicted":([0-9]+).*/\1 \2/' | awk '{print $1 + $2}'
}
rss_mb() {
  awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$server/status"
}

echo "seconds,rss_mb,messages" > "$out"
start=$(date +%s)
smtp-source -s "$sessions" -m "$messages" -l "$size" -f app@shop.test -t buyer@shop.test "127.0.0.1:$smtp_port" &
source_pid=$!
while kill -0 "$source_pid" 2>/dev/null; do
  echo "$(( $(date +%s) - start )),$(rss_mb),$(received)" >> "$out"
  sleep 1
done
wait "$source_pid"
sleep 2
echo "$(( $(date +%s) - start )),$(rss_mb),$(received)" >> "$out"

got=$(received)
max=$(tail -n +2 "$out" | cut -d, -f2 | sort -n | tail -1)
echo "sent $messages messages of $size bytes in $(( $(date +%s) - start ))s; received $got; highest RSS ${max} MB (limit ${limit_mb} MB)"
curl -fs "http://127.0.0.1:$http_port/api/v1/status"; echo
[ "$got" -ge "$messages" ] || { echo "FAIL: not every message arrived" >&2; exit 1; }
[ "$max" -le "$limit_mb" ] || { echo "FAIL: RSS over ${limit_mb} MB" >&2; exit 1; }
echo "PASS"
