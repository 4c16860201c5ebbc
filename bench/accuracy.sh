#!/usr/bin/env bash
# Scores bouncekit and Sisimai side by side on the same labelled reply files, in one run: reason,
# owner, hard and provider accuracy, and the top confusion pairs of each (AccuracyComparison).
# Sisimai is Debian's libsisimai-perl (installed here with apt-get when missing), its text matcher
# run in one perl process (bench/sisimai-match.pl).
#
# Files: ../shared/corpus/replies-dev.tsv and seed-replies.tsv (shared/ beside the repository),
# core's reason-examples.tsv, and every core/.../corpus/labelled/*.tsv (reported per train and
# validation split). Arguments go to the comparison: --markdown (tables for the docs),
# --misses FILE (bouncekit's wrong reasons on train rows), --top N; any *.tsv argument replaces
# the default file list.
#   bench/accuracy.sh
#   bench/accuracy.sh --markdown
#   bench/accuracy.sh --misses /tmp/misses.tsv core/src/test/resources/dev/bouncekit/corpus/labelled/*.tsv
set -euo pipefail
caller="$PWD"
cd "$(dirname "$0")/.."

# A path given relative to the caller's directory, usable from the repository root.
from_caller() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s\n' "$caller/$1" ;;
  esac
}

. bench/sisimai-tables/sisimai.sh
require_sisimai

mvn -B -q -pl bench -am package -DskipTests >&2

options=()
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --misses|--bridge) options+=("$1" "$(from_caller "${2:?$1 needs a value}")"); shift 2 ;;
    --top|--perl) options+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    -*) options+=("$1"); shift ;;
    *) files+=("$(from_caller "$1")"); shift ;;
  esac
done

if [ ${#files[@]} -eq 0 ]; then
  shared="../shared/corpus"
  for f in "$shared/replies-dev.tsv" "$shared/seed-replies.tsv"; do
    if [ -f "$f" ]; then
      files+=("$f")
    else
      echo "note: $f not found (shared/ is expected beside the repository); skipped" >&2
    fi
  done
  files+=(core/src/test/resources/dev/bouncekit/corpus/reason-examples.tsv)
  shopt -s nullglob
  files+=(core/src/test/resources/dev/bouncekit/corpus/labelled/*.tsv)
  shopt -u nullglob
fi

exec java -cp bench/target/benchmarks.jar dev.bouncekit.bench.accuracy.AccuracyComparison \
  ${options[@]+"${options[@]}"} "${files[@]}"
