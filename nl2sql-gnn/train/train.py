#!/usr/bin/python3
"""Trains the nl2sql-gnn schema-linking graph network and exports it to ONNX.

Input: the feature export of io.github.nl2sql.gnn.tools.FeatureExport (graphs.jsonl: one schema graph per
database; questions.jsonl: one question per line with its question embedding, question features and gold
node indices). Output: gnn.onnx and gnn.json (the card the Java loader checks), plus metrics.

Model: relation-aware message passing (R-GCN with mean aggregation per relation, computed with gather +
scatter_add so it exports at opset 17), conditioned on the question: node inputs are the projected node
embedding, its elementwise product with the projected question embedding, the static node features and the
per-question features (cosine and lexical/value scores). Loss: binary cross-entropy per node.

Usage: train.py --data DIR --out DIR [--epochs N] [--hidden H] [--layers L] [--seed S]
"""
import argparse
import json
import math
import random
import sys
import time

import torch
import torch.nn as nn

OPSET = 17
KS = [1, 3, 5, 10, 20, 30]


class Gnn(nn.Module):
    def __init__(self, dim, feats, relations, hidden, layers):
        super().__init__()
        self.relations = relations
        self.hidden = hidden
        # the node embedding enters only through its elementwise product with the question embedding (whose
        # sum is the cosine): raw node embeddings let the model memorise the training databases
        self.match = nn.Linear(dim, hidden)
        self.inp = nn.Sequential(nn.Linear(hidden + feats, hidden), nn.ReLU(), nn.Dropout(0.2),
                                 nn.Linear(hidden, hidden))
        self.msg = nn.ModuleList([nn.Linear(hidden, relations * hidden, bias=False) for _ in range(layers)])
        self.self_ = nn.ModuleList([nn.Linear(hidden, hidden) for _ in range(layers)])
        self.norm = nn.ModuleList([nn.LayerNorm(hidden) for _ in range(layers)])
        self.out = nn.Sequential(nn.Linear(2 * hidden + feats, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, node_emb, node_feat, question, edge_src, edge_dst, edge_rel, edge_w):
        h0 = self.inp(torch.cat([self.match(node_emb * question), node_feat], 1))
        h = h0
        idx = edge_src * self.relations + edge_rel
        dst = edge_dst.unsqueeze(1).expand(-1, self.hidden)
        for msg, self_, norm in zip(self.msg, self.self_, self.norm):
            hw = msg(h).reshape(-1, self.hidden)          # (N * R, H): node n under relation r at n * R + r
            m = hw[idx] * edge_w.unsqueeze(1)              # (E, H)
            agg = torch.zeros_like(h).scatter_add(0, dst, m)
            h = torch.relu(norm(self_(h) + agg)) + h
        return self.out(torch.cat([h, h0, node_feat], 1)).squeeze(1)


def load(data_dir):
    graphs = {}
    with open(data_dir + '/graphs.jsonl') as f:
        for line in f:
            g = json.loads(line)
            graphs[g['db_id']] = {
                'version': g['feature_version'],
                'kind': torch.tensor(g['kind'], dtype=torch.long),
                'emb': torch.tensor(g['emb'], dtype=torch.float32),
                'feat': torch.tensor(g['feat'], dtype=torch.float32),
                'src': torch.tensor(g['src'], dtype=torch.long),
                'dst': torch.tensor(g['dst'], dtype=torch.long),
                'rel': torch.tensor(g['rel'], dtype=torch.long),
                'w': torch.tensor(g['w'], dtype=torch.float32),
            }
    questions = []
    with open(data_dir + '/questions.jsonl') as f:
        for line in f:
            q = json.loads(line)
            questions.append({
                'db_id': q['db_id'], 'split': q['split'], 'source': q.get('source', 'spider'),
                'q': torch.tensor(q['q'], dtype=torch.float32).unsqueeze(0),
                'qfeat': torch.tensor(q['qfeat'], dtype=torch.float32),
                'gold': q['gold'],
            })
    return graphs, questions


def inputs(g, q):
    feat = torch.cat([g['feat'], q['qfeat']], 1)
    return g['emb'], feat, q['q'], g['src'], g['dst'], g['rel'], g['w']


def batch(graphs, qs):
    """Disjoint union of the questions' graphs; the question embedding is repeated per node."""
    embs, feats, qns, srcs, dsts, rels, ws, targets = [], [], [], [], [], [], [], []
    offset = 0
    for q in qs:
        g = graphs[q['db_id']]
        n = g['emb'].shape[0]
        embs.append(g['emb'])
        feats.append(torch.cat([g['feat'], q['qfeat']], 1))
        qns.append(q['q'].expand(n, -1))
        srcs.append(g['src'] + offset)
        dsts.append(g['dst'] + offset)
        rels.append(g['rel'])
        ws.append(g['w'])
        t = torch.zeros(n)
        t[q['gold']] = 1.0
        targets.append(t)
        offset += n
    return (torch.cat(embs), torch.cat(feats), torch.cat(qns), torch.cat(srcs), torch.cat(dsts), torch.cat(rels),
            torch.cat(ws), torch.cat(targets))


def evaluate(model, graphs, questions):
    """Recall@k and full recall@k of tables and columns, per question's own database."""
    model.eval()
    sums = {f'{w}_{kind}@{k}': 0.0 for w in ('recall', 'full') for kind in ('table', 'column') for k in KS}
    n = 0
    with torch.no_grad():
        for q in questions:
            g = graphs[q['db_id']]
            logits = model(*inputs(g, q))
            gold = set(q['gold'])
            for kind, kid in (('table', 0), ('column', 1)):
                nodes = (g['kind'] == kid).nonzero().squeeze(1)
                gk = [i for i in gold if g['kind'][i].item() == kid]
                if not gk:
                    continue
                order = nodes[torch.argsort(logits[nodes], descending=True)].tolist()
                rank = {node: r for r, node in enumerate(order)}
                for k in KS:
                    hit = sum(1 for i in gk if rank[i] < k)
                    sums[f'recall_{kind}@{k}'] += hit / len(gk)
                    sums[f'full_{kind}@{k}'] += 1.0 if hit == len(gk) else 0.0
            n += 1
    model.train()
    return {k: round(v / max(n, 1), 4) for k, v in sums.items()}, n


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--epochs', type=int, default=3)
    ap.add_argument('--hidden', type=int, default=64)
    ap.add_argument('--layers', type=int, default=2)
    ap.add_argument('--lr', type=float, default=2e-3)
    ap.add_argument('--seed', type=int, default=20261121)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--include-validation', action='store_true',
                    help='also train on the validation databases (for a final model; its metrics are then not held out)')
    args = ap.parse_args(argv)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    # one thread: the build machines are shared, and OpenMP barriers crawl when a thread is descheduled
    torch.set_num_threads(1)

    graphs, questions = load(args.data)
    versions = {g['version'] for g in graphs.values()}
    if len(versions) != 1:
        sys.exit(f'mixed feature versions in {args.data}: {versions}')
    version = versions.pop()
    train = [q for q in questions if q['split'] == 'train' or args.include_validation]
    val = [q for q in questions if q['split'] == 'validation' and q['source'] == 'spider']
    some = next(iter(graphs.values()))
    dim = some['emb'].shape[1]
    feats = some['feat'].shape[1] + questions[0]['qfeat'].shape[1]
    relations = int(max(int(g['rel'].max()) for g in graphs.values() if g['rel'].numel()) + 1)
    meta = json.load(open(args.data + '/meta.json'))
    relations = max(relations, meta['relations'])
    model = Gnn(dim, feats, relations, args.hidden, args.layers)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=1e-5)
    steps = args.epochs * ((len(train) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=max(1, steps))
    print(f'train questions {len(train)}, validation questions {len(val)}, graphs {len(graphs)}, '
          f'features {feats}, relations {relations}', file=sys.stderr)
    history = []
    for epoch in range(args.epochs):
        random.shuffle(train)
        t0 = time.time()
        total = 0.0
        for b in range(0, len(train), args.batch):
            emb, feat, qn, src, dst, rel, w, target = batch(graphs, train[b:b + args.batch])
            logits = model(emb, feat, qn, src, dst, rel, w)
            # positives are rare: weigh them up
            loss = nn.functional.binary_cross_entropy_with_logits(logits, target, pos_weight=torch.tensor(4.0))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(train[b:b + args.batch])
            if (b // args.batch) % 100 == 99:
                print(f'  step {b // args.batch + 1}: loss {loss.item():.4f} {time.time() - t0:.0f}s', file=sys.stderr)
        metrics, _ = evaluate(model, graphs, val) if val else ({}, 0)
        history.append({'epoch': epoch + 1, 'loss': round(total / len(train), 4), **{
            k: metrics[k] for k in ('full_table@3', 'full_table@5', 'full_column@10', 'full_column@30') if k in metrics}})
        print(json.dumps(history[-1]), f'{time.time() - t0:.0f}s', file=sys.stderr)

    metrics, n = evaluate(model, graphs, val) if val else ({}, 0)
    export(model, dim, feats, args.out + '/gnn.onnx')
    card = {
        'feature_version': version,
        'embedding_model': meta['embedding_model'],
        'embedding_dim': dim,
        'static_features': meta['static_features'],
        'question_features': meta['question_features'],
        'relations': relations,
        'opset': OPSET,
        'architecture': f'R-GCN, {args.layers} layers, hidden {args.hidden}, mean aggregation per relation, dropout 0.2, '
                        f'question-conditioned inputs, BCE loss (pos_weight 4), batches of {args.batch} graphs',
        'training': {'epochs': args.epochs, 'lr': args.lr, 'optimizer': 'Adam + cosine schedule',
                     'seed': args.seed, 'batch': args.batch, 'train_questions': len(train), 'include_validation': args.include_validation,
                     'sources': sorted({q['source'] for q in train})},
        'validation': {'questions': n, 'metrics': metrics},
        'history': history,
        'torch': torch.__version__,
    }
    json.dump(card, open(args.out + '/gnn.json', 'w'), indent=1)
    print(json.dumps(metrics))


def _scatter_add(g, self, dim, index, src):
    # torch 1.13's own symbolic refuses when it cannot prove index and src have equal static shapes (they do
    # at run time: both are (E, H)); emit the same ScatterElements(reduction=add) without that check
    return g.op("ScatterElements", self, index, src, axis_i=dim, reduction_s="add")


def export(model, dim, feats, path):
    from torch.onnx import symbolic_helper
    torch.onnx.register_custom_op_symbolic(
        'aten::scatter_add', symbolic_helper.parse_args('v', 'i', 'v', 'v')(_scatter_add), OPSET)
    model.eval()
    n, e = 5, 8
    example = (torch.randn(n, dim), torch.randn(n, feats), torch.randn(1, dim),
               torch.randint(0, n, (e,)), torch.randint(0, n, (e,)), torch.randint(0, model.relations, (e,)),
               torch.rand(e))
    names = ['node_emb', 'node_feat', 'question', 'edge_src', 'edge_dst', 'edge_rel', 'edge_w']
    torch.onnx.export(model, example, path, opset_version=OPSET, input_names=names, output_names=['logits'],
                      dynamic_axes={'node_emb': {0: 'n'}, 'node_feat': {0: 'n'}, 'edge_src': {0: 'e'},
                                    'edge_dst': {0: 'e'}, 'edge_rel': {0: 'e'}, 'edge_w': {0: 'e'},
                                    'logits': {0: 'n'}})
    import onnx
    onnx.checker.check_model(onnx.load(path))


if __name__ == '__main__':
    main(sys.argv[1:])
