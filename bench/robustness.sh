#!/usr/bin/env bash
# Robustness: train and dev texts (never a validation row) in other forms servers and bounce parsers
# give the same reply -- re-wrapped as multi-line replies (joined by newlines, CRLF, spaces, folded in
# a Diagnostic-Code field), with the local parts of their addresses replaced by keyword-like names, with
# their host names behind a keyword-like machine name, in
# capital letters, with a word swapped for its synonym, without their enhanced status code, and quoted
# by relays and bounce parsers -- classified by the CLI and scored against the row's label, next to
# the same texts as written.
#   bench/robustness.sh          # the figures
#   bench/robustness.sh -v       # and every changed text it gets wrong
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl cli -am package -DskipTests >&2
corpus=core/src/test/resources/dev/bouncekit/corpus
python3 bench/robustness/perturb.py cli/target/bouncekit.jar "$corpus/replies-dev.tsv" "$corpus/seed-replies.tsv" \
    "$corpus"/labelled/{mta,providers,languages,ndr}.tsv "$@"
