#!/usr/bin/env python3
"""Turns Sisimai 4.25's phrase lists into literal texts, one per phrase or per alternative of a
regular expression (a few spellings each), for bench/sisimai-tables.sh.

  expand.py reason DIR    Reason/*.pm: "reason<TAB>where<TAB>text" per line
  expand.py lhost FILE    lhost.pl's output: expands its regular expressions the same way
"""
import re, sys, os, itertools
import re._parser as P
import re._constants as C

def extract(path):
    src = open(path, encoding='utf-8').read()
    # strip perl comments outside regexes is hard; we rely on /x handling in python for regex bodies
    out = {'index': [], 'regex': []}
    for m in re.finditer(r"state \$index\s*=\s*\[", src):
        i = m.end(); depth = 1; j = i
        while depth and j < len(src):
            if src[j] == '[': depth += 1
            elif src[j] == ']': depth -= 1
            j += 1
        body = src[i:j-1]
        # a Perl comment runs from '#' to the end of the line, but not inside a quoted phrase
        # ('user over quota. (#5.1.1)')
        body = re.sub(r"('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")|#[^\n]*", lambda m: m.group(1) or '', body)
        out['index'] += [(a or b).replace("\\'", "'") for a, b in re.findall(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"", body)]
    for m in re.finditer(r"qr\{", src):
        i = m.end(); depth = 1; j = i
        while depth and j < len(src):
            c = src[j]
            if c == '\\': j += 2; continue
            if c == '{': depth += 1
            elif c == '}': depth -= 1
            j += 1
        body = src[i:j-1]
        flags = re.match(r'[a-z]*', src[j:]).group(0)
        out['regex'].append((body, flags))
    return out

LIMIT = 64

def gen(items):
    """items: parsed subpattern list -> list of strings (bounded)"""
    results = ['']
    for op, av in items:
        opts = gen_one(op, av)
        if not opts:
            return []
        new = []
        for r in results:
            for o in opts:
                new.append(r + o)
                if len(new) >= LIMIT: break
            if len(new) >= LIMIT: break
        results = new
    return results

def rep_char(op, av):
    if op == C.LITERAL: return chr(av)
    if op == C.ANY: return 'x'
    if op == C.IN:
        neg = any(o == C.NEGATE for o, _ in av)
        if neg:
            for cand in 'x1 ':
                if not matches_set(av, cand): return cand
            return 'x'
        for o, a in av:
            if o == C.LITERAL: return chr(a)
            if o == C.RANGE: return chr(a[0]) if chr(a[0]) not in '0' else '1'
            if o == C.CATEGORY:
                return {C.CATEGORY_DIGIT: '1', C.CATEGORY_SPACE: ' ', C.CATEGORY_WORD: 'x'}.get(a, 'x')
    return 'x'

def matches_set(av, ch):
    for o, a in av:
        if o == C.LITERAL and chr(a) == ch: return True
        if o == C.RANGE and a[0] <= ord(ch) <= a[1]: return True
        if o == C.CATEGORY:
            if a == C.CATEGORY_DIGIT and ch.isdigit(): return True
            if a == C.CATEGORY_SPACE and ch.isspace(): return True
            if a == C.CATEGORY_WORD and (ch.isalnum() or ch == '_'): return True
    return False

def gen_one(op, av):
    if op == C.NOT_LITERAL:
        return ['x' if av != ord('x') else 'y']
    if op in (C.LITERAL, C.ANY, C.IN):
        return [rep_char(op, av)]
    if op == C.SUBPATTERN:
        return gen(av[3])
    if op == C.ATOMIC_GROUP:
        return gen(av)
    if op == C.BRANCH:
        res = []
        for b in av[1]:
            res += gen(b)
        return res[:LIMIT*4]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        inner = gen(sub)
        if lo == 0:
            return [''] + inner if hi == 1 else [''] + [i for i in inner]  # zero or one copy
        n = max(lo, 1)
        return [i * n for i in inner]
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return ['']
    if op == C.CATEGORY:
        return ['x']
    if op == C.GROUPREF:
        return ['x']
    return ['']

def perl_to_py(body):
    body = body.replace('(?>', '(?:')
    body = body.replace('\\A', '').replace('\\z', '').replace('\\Z', '')
    body = body.replace('(:?', '(?:')
    return body

def alternatives(body, flags):
    py = perl_to_py(body)
    fl = re.X if 'x' in flags else 0
    fl |= re.I
    try:
        tree = P.parse(py, fl)
    except Exception as e:
        print('# cannot parse: %s' % e, file=sys.stderr)
        return []
    items = list(tree)
    # unwrap top-level single group / branch
    while len(items) == 1 and items[0][0] in (C.SUBPATTERN, C.ATOMIC_GROUP):
        items = list(items[0][1][3] if items[0][0] == C.SUBPATTERN else items[0][1])
    outs = []
    if len(items) == 1 and items[0][0] == C.BRANCH:
        for b in items[0][1][1]:
            g = gen(b)
            outs.append(g)
    else:
        outs.append(gen(items))
    return outs

def reason_tables(d):
    for f in sorted(os.listdir(d)):
        if not f.endswith('.pm'):
            continue
        reason = f[:-3].lower()
        ex = extract(os.path.join(d, f))
        for s in ex['index']:
            print('%s\t%s:index\t%s' % (reason, f[:-3], s.strip()))
        for k, (body, flags) in enumerate(ex['regex']):
            for a, strs in enumerate(alternatives(body, flags)):
                seen = set()
                for s in strs[:6]:
                    s = re.sub(r'\s+', ' ', s).strip()
                    if s and s not in seen:
                        seen.add(s)
                        print('%s\t%s:regex%d.%d\t%s' % (reason, f[:-3], k, a, s))


def lhost_tables(path):
    for line in open(path, encoding='utf-8'):
        k, mod, kind, v = line.rstrip('\n').split('\t', 3)
        if kind == 'STR':
            print('%s\t%s\t%s' % (k, mod, v.strip()))
            continue
        m = re.match(r'\(\?\^([a-z]*):(.*)\)$', v)
        flags, body = (m.group(1), m.group(2)) if m else ('', v)
        for alt in alternatives(body, flags):
            seen = set()
            for s in alt[:4]:
                s = re.sub(r'\s+', ' ', s).strip()
                if s and s not in seen:
                    seen.add(s)
                    print('%s\t%s\t%s' % (k, mod, s))


if __name__ == '__main__':
    if sys.argv[1] == 'reason':
        reason_tables(sys.argv[2])
    else:
        lhost_tables(sys.argv[2])
