#!/usr/bin/env python3
"""Writes a replay file (JSONL) for `ask --planner llm --model replay:FILE` where every model answer is the
gold SQL with one column identifier misspelled; with --recover the gold SQL follows as the second answer
(so regeneration recovers).

Usage: misspelled_replay.py SPIDER_DIR QUESTIONS_JSON OUT_JSONL [--recover] [--split SPLIT_JSON]
       [--questions-out JSON]  (the kept questions, to pass as --questions)

The misspelled identifier is the first catalog column (from tables.json) that appears as a bare word in the
gold SQL outside string literals; it is misspelled by doubling its last letter, and only when that spelling
is no column or table of the database. Questions with no such column are left out.
"""
import json
import re
import sys


def main(argv):
    data, questions, out = argv[1], argv[2], argv[3]
    recover = '--recover' in argv
    split = None
    if '--split' in argv:
        sp = json.load(open(argv[argv.index('--split') + 1]))
        split = set(sp.get('validation') or sp['validation_db_ids'])
    schemas = {}
    for t in json.load(open(data + '/tables.json')):
        names = {c[1].lower() for c in t['column_names_original'] if c[1] != '*'}
        tables = {n.lower() for n in t['table_names_original']}
        schemas[t['db_id']] = (names, tables)
    n = kept = 0
    kept_items = []
    with open(out, 'w') as f:
        for item in json.load(open(questions)):
            if split is not None and item['db_id'] not in split:
                continue
            n += 1
            names, tables = schemas.get(item['db_id'], (set(), set()))
            gold = item['query']
            # blank out string literals so identifiers inside them are not touched
            masked = re.sub(r"'[^']*'|\"[^\"]*\"", lambda m: ' ' * len(m.group(0)), gold)
            bad = None
            for m in re.finditer(r'[A-Za-z_][A-Za-z0-9_]*', masked):
                w = m.group(0)
                if w.lower() in names:
                    wrong = w + w[-1]
                    if wrong.lower() in names or wrong.lower() in tables:
                        continue
                    bad = gold[:m.start()] + wrong + gold[m.end():]
                    break
            if bad is None:
                continue
            kept += 1
            kept_items.append(item)
            response = [bad, gold] if recover else bad
            f.write(json.dumps({'db_id': item['db_id'], 'question': item['question'], 'response': response}) + '\n')
    if '--questions-out' in argv:
        json.dump(kept_items, open(argv[argv.index('--questions-out') + 1], 'w'))
    print(f'{kept} of {n} questions written to {out}', file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv)
