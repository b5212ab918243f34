#!/usr/bin/python3
"""Trains on a handful of hand-made graphs (the relevant node is the one whose embedding matches the
question) and checks that the model learns them and that the ONNX export loads and agrees with torch."""
import json
import os
import sys
import tempfile

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train  # noqa: E402

DIM, STATIC, QF, REL = 384, 24, 7, 7


def write(tmp):
    torch.manual_seed(1)
    graphs, qs = [], []
    for d in range(6):
        n = 6
        emb = torch.nn.functional.normalize(torch.randn(n, DIM), dim=1)
        kind = [0, 1, 1, 0, 1, 1]
        src = [0, 0, 1, 2, 3, 3, 4, 5]
        dst = [1, 2, 0, 0, 4, 5, 3, 3]
        rel = [0, 0, 1, 1, 0, 0, 1, 1]
        feat = [[1.0 if k == 0 else 0.0, 1.0 if k == 1 else 0.0] + [0.0] * (STATIC - 2) for k in kind]
        graphs.append({'db_id': f'db{d}', 'feature_version': 'selftest/1', 'kind': kind, 'emb': emb.tolist(),
                       'feat': feat, 'src': src, 'dst': dst, 'rel': rel, 'w': [1.0] * len(src)})
        for target in (1, 2, 4, 5):
            q = emb[target] + 0.05 * torch.randn(DIM)
            cos = (emb @ q).tolist()
            qfeat = [[c] + [0.0] * (QF - 1) for c in cos]
            qs.append({'db_id': f'db{d}', 'split': 'validation' if d == 5 else 'train', 'q': q.tolist(),
                       'qfeat': qfeat, 'gold': [target, 0 if target < 3 else 3]})
    with open(tmp + '/graphs.jsonl', 'w') as f:
        for g in graphs:
            f.write(json.dumps(g) + '\n')
    with open(tmp + '/questions.jsonl', 'w') as f:
        for q in qs:
            f.write(json.dumps(q) + '\n')
    json.dump({'embedding_model': 'selftest', 'static_features': STATIC, 'question_features': QF, 'relations': REL},
              open(tmp + '/meta.json', 'w'))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        write(tmp)
        train.main(['--data', tmp, '--out', tmp, '--epochs', '30', '--hidden', '32'])
        card = json.load(open(tmp + '/gnn.json'))
        m = card['validation']['metrics']
        assert m['full_table@1'] == 1.0, m
        assert m['full_column@1'] == 1.0, m
        import onnx
        onnx.checker.check_model(onnx.load(tmp + '/gnn.onnx'))
        print('selftest ok', json.dumps(m))


if __name__ == '__main__':
    main()
