#!/usr/bin/env python3
"""How far bouncekit agrees with the phrase tables of Sisimai 4.25 (bench/sisimai-tables.sh).

Three tables, each turned into literal texts by expand.py, lhost.pl and rhost.pl:
  reason  Sisimai/Reason/*.pm, labelled with what Sisimai->match says of the text itself
          (the module's name where match finds nothing);
  lhost   the per-MTA message tables of Sisimai/Lhost/*.pm;
  rhost   the per-provider tables of Sisimai/Rhost/*.pm, sent with a host of that provider.

A verdict agrees when it is Sisimai's reason or the Sisimai 5 reason that took over that part of
it (blocked wording may be badreputation or requireptr, SPF/DKIM/DMARC wording authfailure, TLS
wording failedstarttls; mesgtoobig and exceedlimit are emailtoolarge, toomanyconn ratelimited).

A disagreement that a provider file or a rules file documents, a comment line
  # deliberate: "FRAGMENT" REASON, not SISIMAI'S: why
whose fragment the text contains, is counted apart as a documented difference.

  agreement.py JAR REASON.tsv LHOST.tsv RHOST_RAW.tsv [-v]
"""
import glob
import json
import os
import re
import subprocess
import sys
from collections import Counter

ACCEPT = {
    'blocked': {'blocked', 'badreputation', 'requireptr', 'authfailure'},
    'toomanyconn': {'ratelimited'}, 'speeding': {'ratelimited'}, 'ratelimited': {'ratelimited'},
    'exceedlimit': {'emailtoolarge'}, 'mesgtoobig': {'emailtoolarge'}, 'emailtoolarge': {'emailtoolarge'},
    'securityerror': {'securityerror', 'authfailure', 'failedstarttls'},
    'policyviolation': {'policyviolation', 'authfailure', 'notcompliantrfc'},
    'userunknown': {'userunknown', 'filtered'}, 'filtered': {'filtered', 'userunknown'},
}

# A host of each Rhost module's provider, and how its vendor codes appear in a reply.
RHOST_HOSTS = {
    'Cox': 'cxr.mx.a.cloudfilter.net', 'ExchangeOnline': 'example-com.mail.protection.outlook.com',
    'FrancePTT': 'smtp-in.orange.fr', 'GoDaddy': 'mx.secureserver.net', 'GoogleApps': 'aspmx.l.google.com',
    'IUA': 'mx.i.ua', 'KDDI': 'mx.ezweb.ne.jp', 'Mimecast': 'eu-smtp-inbound-1.mimecast.com',
    'NTTDOCOMO': 'mfsmax.docomo.ne.jp', 'Spectrum': 'mx.charter.net', 'TencentQQ': 'mx1.qq.com',
}
CODE_FORMS = {
    'Cox': '554 5.7.1 AUP#%s', 'FrancePTT': '550 5.7.1 Service refused. OFR004_%s [%s]',
    'Spectrum': '550 5.1.0 AUP#I-%s', 'IUA': '550 5.7.1 Rejected, see http://mail.i.ua/err/%s', 'GoDaddy': '554 %s',
}


RESOURCES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'core', 'src', 'main',
                         'resources', 'dev', 'bouncekit')
DOCUMENTING_FILES = [os.path.join(RESOURCES, 'providers', '*.provider'), os.path.join(RESOURCES, 'rules', '*.rules')]


def deliberate_fragments():
    """The fragments of the "# deliberate:" comments of the provider and rules files, lower case."""
    fragments = []
    for path in sorted(p for pattern in DOCUMENTING_FILES for p in glob.glob(pattern)):
        for line in open(path, encoding='utf-8'):
            m = re.match(r'\s*#\s*deliberate:\s*"([^"]+)"', line)
            if m:
                fragments.append(m.group(1).lower())
    return fragments


def sisimai_match(texts):
    """Sisimai->match on each text, through bench/sisimai-match.pl."""
    inp = ''.join('%d\t%s\n' % (i, t) for i, t in enumerate(texts))
    out = subprocess.run(['perl', 'bench/sisimai-match.pl'], input=inp, capture_output=True, text=True, check=True).stdout
    answers = {}
    for line in out.splitlines():
        if line.startswith('#'):
            continue
        i, reason = line.split('\t', 1)
        answers[int(i)] = reason
    return [answers.get(i, 'undefined') for i in range(len(texts))]


def table_rows(path, relabel):
    rows = []
    for line in open(path, encoding='utf-8'):
        p = line.rstrip('\n').split('\t')
        if len(p) == 3 and p[0].isalpha():
            rows.append({'reason': p[0], 'where': p[1], 'text': p[2], 'host': None})
    if relabel:
        for row, said in zip(rows, sisimai_match([r['text'] for r in rows])):
            if said not in ('undefined', 'onhold'):
                row['reason'] = said
    return rows


def rhost_rows(path):
    rows = []
    for line in open(path, encoding='utf-8'):
        p = line.rstrip('\n').split('\t')
        key, mod, host, parts = p[0], p[1], p[2], p[3:]
        if key.startswith('code:'):
            form = CODE_FORMS.get(mod)
            if form is None or not parts or not parts[0]:
                continue
            code = key[5:]
            rows.append({'reason': parts[0], 'where': mod, 'host': host,
                         'text': form % ((code, code) if form.count('%s') == 2 else code)})
        elif mod == 'ExchangeOnline':
            prefix, low, _, phrase = parts
            status = prefix + (low if low != '0' else '') if prefix.endswith('.') else prefix
            rows.append({'reason': key, 'where': mod, 'host': host,
                         'text': '%s %s %s' % ('450' if status.startswith('4') else '550', status, phrase)})
        elif mod == 'TencentQQ':
            rows.append({'reason': parts[-1], 'where': mod, 'host': host, 'text': '550 ' + key})
        elif mod in ('GoogleApps', 'Mimecast'):
            rows.append({'reason': key, 'where': mod, 'host': host, 'text': ' '.join(parts)})
        else:
            rows.append({'reason': key, 'where': mod, 'host': host, 'text': '550 ' + parts[-1]})
    return rows


def classify(jar, rows):
    inp = ''.join(json.dumps({'id': str(i), 'reply': r['text'], 'remoteHost': r['host']}) + '\n'
                  for i, r in enumerate(rows))
    out = subprocess.run(['java', '-jar', jar, 'classify', '--input', 'jsonl'], input=inp,
                         capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def report(name, rows, verdicts, verbose, deliberate):
    agree = 0
    documented = []
    pairs = Counter()
    misses = []
    for row, verdict in zip(rows, verdicts):
        got = verdict.get('reason')
        text = row['text'].lower()
        if got in ACCEPT.get(row['reason'], {row['reason']}):
            agree += 1
        elif any(f in text for f in deliberate):
            documented.append((row['reason'], got, row['where'], row['text']))
        else:
            pairs[(row['reason'], got)] += 1
            misses.append((row['reason'], got, row['where'], row['text']))
    print('%-7s %4d texts  agree %5.1f%%  documented differences %5.1f%% (%d)  other %5.1f%% (%d)' % (
        name, len(rows), 100.0 * agree / max(1, len(rows)), 100.0 * len(documented) / max(1, len(rows)),
        len(documented), 100.0 * len(misses) / max(1, len(rows)), len(misses)))
    for (sisimai, got), n in pairs.most_common(8):
        print('          %3d  sisimai %-15s bouncekit %s' % (n, sisimai, got))
    if verbose:
        for miss in sorted(misses):
            print('\t'.join(str(x) for x in miss))
        for difference in sorted(documented):
            print('\t'.join(['documented'] + [str(x) for x in difference]))


def main():
    jar, reason_file, lhost_file, rhost_file = sys.argv[1:5]
    verbose = '-v' in sys.argv
    deliberate = deliberate_fragments()
    for name, rows in (('reason', table_rows(reason_file, True)), ('lhost', table_rows(lhost_file, False)),
                       ('rhost', rhost_rows(rhost_file))):
        report(name, rows, classify(jar, rows), verbose, deliberate)


if __name__ == '__main__':
    main()
