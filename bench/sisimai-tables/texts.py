#!/usr/bin/env python3
"""The literal texts of Sisimai 4.25's phrase tables (bench/sisimai-tables.sh's three tables) as one
labelled-file TSV without labels, for bench/rule-evidence.sh: id, reply, remote_host, reason (empty).

  texts.py REASON.tsv LHOST.tsv RHOST_RAW.tsv > texts.tsv
"""
import sys

from agreement import rhost_rows, table_rows


def main():
    reason_file, lhost_file, rhost_file = sys.argv[1:4]
    print('id\treply\tstage\tremote_host\treason')
    for name, rows in (('reason', table_rows(reason_file, False)), ('lhost', table_rows(lhost_file, False)),
                       ('rhost', rhost_rows(rhost_file))):
        for i, row in enumerate(rows):
            text = row['text'].replace('\t', ' ').replace('"', "'")
            print('%s-%s-%d\t%s\t\t%s\t' % (name, row['where'], i + 1, text, row['host'] or ''))


if __name__ == '__main__':
    main()
