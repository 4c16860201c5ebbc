#!/usr/bin/env bash
# Builds the benchmarks and prints bouncekit's performance table: classifier (JMH), fake receiver
# against stock GreenMail, receiver reset and start/stop directly and through the JUnit extension.
# About 4 minutes on 2 cores.
# Arguments go to the report: --only classifier|receiver|lifecycle, --out DIR (JMH logs and JSON).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl bench -am package -DskipTests
exec java -jar bench/target/benchmarks.jar "$@"
