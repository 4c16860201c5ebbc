#!/usr/bin/env bash
# The evidence of every built-in phrase rule (RuleEvidenceReport): how many known texts it matches
# and decides, and the rules that decide exactly one text, each with that text's name. Known texts:
# the train split of core's labelled/*.tsv (validation rows are never read), the dev and seed sets
# (../shared/corpus/, whole), the catalog's entries, and the literal texts of Sisimai 4.25's phrase
# tables as bench/sisimai-tables.sh makes them (Debian's libsisimai-perl, installed when missing;
# needs python3). A rule that decides one text only is held by that text's wording, not a family.
#   bench/rule-evidence.sh              # figures and the rules deciding exactly one text
#   bench/rule-evidence.sh --list 0     # the rules deciding none
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/sisimai-tables/sisimai.sh
require_sisimai

mvn -B -q -pl bench -am package -DskipTests >&2
sisimai_tables
(cd bench/sisimai-tables && python3 texts.py "$work/reason.tsv" "$work/lhost.tsv" "$work/rhost-raw.tsv") \
  > "$work/sisimai-tables.tsv"

whole=()
for f in ../shared/corpus/replies-dev.tsv ../shared/corpus/seed-replies.tsv; do
  if [ -f "$f" ]; then
    whole+=(--whole "$f")
  else
    echo "note: $f not found (shared/ is expected beside the repository); skipped" >&2
  fi
done
shopt -s nullglob
labelled=(core/src/test/resources/dev/bouncekit/corpus/labelled/*.tsv)
shopt -u nullglob

java -cp bench/target/benchmarks.jar dev.bouncekit.bench.accuracy.RuleEvidenceReport \
  "$@" "${whole[@]}" --whole "$work/sisimai-tables.tsv" "${labelled[@]}"
