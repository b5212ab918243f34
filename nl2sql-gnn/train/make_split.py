#!/usr/bin/python3
"""Writes the database-disjoint validation split of spider-train (20% of databases, fixed seed).

Usage: make_split.py SPIDER_DIR OUT_JSON. The committed split.json was made with this script; rerunning it
on the same tables.json gives the same file.
"""
import json
import random
import sys

SEED = 20261121


def main(spider_dir, out):
    tables = json.load(open(spider_dir + '/tables.json'))
    ids = sorted(t['db_id'] for t in tables)
    shuffled = ids[:]
    random.Random(SEED).shuffle(shuffled)
    n = round(len(ids) * 0.2)
    split = {
        "description": "Database-disjoint split of spider-train for nl2sql-gnn: 20% of the databases in tables.json "
                       "for validation, chosen with random.Random(20261121).shuffle over the sorted db_ids "
                       "(see train/make_split.py).",
        "seed": SEED, "validation": sorted(shuffled[:n]), "train": sorted(shuffled[n:])}
    json.dump(split, open(out, 'w'), indent=1)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
