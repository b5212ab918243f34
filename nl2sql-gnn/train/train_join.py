#!/usr/bin/python3
"""Trains the join-inference model: an MLP over candidate-pair features (JoinExport's joins.jsonl) that
predicts declared foreign keys, with the decoding the Java side uses (best target per column above a
threshold). The threshold is chosen for F1 on the training databases; precision and recall are reported on
the validation databases, whose foreign keys the model never saw (the features never read foreign keys).

Usage: train_join.py --data DIR --out DIR [--epochs N]
"""
import argparse
import json
import sys

import torch
import torch.nn as nn

OPSET = 17


def load(path):
    dbs = []
    with open(path) as f:
        for line in f:
            d = json.loads(line)
            if not d['pairs']:
                continue
            dbs.append({'db_id': d['db_id'], 'split': d['split'], 'version': d['feature_version'],
                        'pairs': d['pairs'], 'x': torch.tensor(d['feat'], dtype=torch.float32),
                        'y': torch.tensor(d['label'], dtype=torch.float32)})
    return dbs


def decode(pairs, p, threshold):
    """Best target per referencing column, kept when p >= threshold."""
    best = {}
    for i, (pair, s) in enumerate(zip(pairs, p)):
        if s < threshold:
            continue
        src = pair.split('->')[0]
        if src not in best or s > p[best[src]]:
            best[src] = i
    return set(best.values())


def prf(model, dbs, threshold):
    tp = fp = fn = 0
    with torch.no_grad():
        for d in dbs:
            p = torch.sigmoid(model(d['x'])).tolist()
            chosen = decode(d['pairs'], p, threshold)
            gold = {i for i, y in enumerate(d['y'].tolist()) if y > 0.5}
            tp += len(chosen & gold)
            fp += len(chosen - gold)
            fn += len(gold - chosen)
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return {'precision': round(precision, 4), 'recall': round(recall, 4), 'f1': round(f1, 4),
            'true_positives': tp, 'false_positives': fp, 'false_negatives': fn}


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--epochs', type=int, default=300)
    ap.add_argument('--seed', type=int, default=20261121)
    args = ap.parse_args(argv)
    torch.manual_seed(args.seed)
    dbs = load(args.data + '/joins.jsonl')
    version = {d['version'] for d in dbs}
    assert len(version) == 1, version
    train = [d for d in dbs if d['split'] == 'train']
    val = [d for d in dbs if d['split'] == 'validation']
    x = torch.cat([d['x'] for d in train])
    y = torch.cat([d['y'] for d in train])
    feats = x.shape[1]
    model = nn.Sequential(nn.Linear(feats, 32), nn.ReLU(), nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 1), nn.Flatten(0))
    opt = torch.optim.Adam(model.parameters(), lr=5e-3, weight_decay=1e-4)
    pos_weight = torch.tensor(float((y == 0).sum() / max(1, (y == 1).sum())) ** 0.5)
    for epoch in range(args.epochs):
        loss = nn.functional.binary_cross_entropy_with_logits(model(x), y, pos_weight=pos_weight)
        opt.zero_grad()
        loss.backward()
        opt.step()
    model.eval()
    best = max((prf(model, train, t / 20)['f1'], t / 20) for t in range(2, 19))
    threshold = best[1]
    train_m = prf(model, train, threshold)
    val_m = prf(model, val, threshold)
    print('join train', json.dumps(train_m), file=sys.stderr)
    print('join validation', json.dumps(val_m), file=sys.stderr)
    path = args.out + '/join.onnx'
    torch.onnx.export(model, (torch.randn(4, feats),), path, opset_version=OPSET, input_names=['pair_feat'],
                      output_names=['logits'], dynamic_axes={'pair_feat': {0: 'p'}, 'logits': {0: 'p'}})
    import onnx
    onnx.checker.check_model(onnx.load(path))
    card = {'feature_version': version.pop(), 'features': feats, 'threshold': threshold, 'opset': OPSET,
            'architecture': 'MLP 14-32-16-1, BCE with pos_weight sqrt(neg/pos), Adam lr 5e-3, full batch',
            'epochs': args.epochs, 'seed': args.seed,
            'train_databases': len(train), 'validation_databases': len(val),
            'train_metrics': train_m, 'validation_metrics_fks_hidden': val_m, 'torch': torch.__version__}
    json.dump(card, open(args.out + '/join.json', 'w'), indent=1)
    print(json.dumps(val_m))


if __name__ == '__main__':
    main(sys.argv[1:])
