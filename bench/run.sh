#!/usr/bin/env bash
# Builds the benchmarks and prints bouncekit's performance table: classifier (JMH), fake receiver
# against stock GreenMail, Postfix's smtp-source against smtp-sink, stock GreenMail and
# `bouncekit serve` (each its own process), heap per stored message, receiver reset and start/stop
# directly and through the JUnit extension. About 8 minutes on 2 cores.
# Arguments go to the report: --only classifier|receiver|smtp|lifecycle, --out DIR (JMH and server logs).
set -euo pipefail
cd "$(dirname "$0")/.."

only=""
for ((i = 1; i <= $#; i++)); do
  if [[ "${!i}" == "--only" ]]; then j=$((i + 1)); only="${!j:-}"; fi
done

if [[ -z "$only" || "$only" == "smtp" ]] && ! [[ -x /usr/sbin/smtp-source && -x /usr/sbin/smtp-sink ]]; then
  echo "installing Postfix for smtp-source and smtp-sink (Debian package postfix) ..."
  sudo=""
  [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postfix >/dev/null
fi

mvn -B -q -pl bench,cli -am package -DskipTests
exec java -jar bench/target/benchmarks.jar "$@"
