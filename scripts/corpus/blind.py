#!/usr/bin/env python3
"""Blind second reading of the training corpus (bot/Content/training/README.md).

  blind.py export topics|crisis OUT_DIR N   -> N files batch-K.tsv of "id<TAB>text", shuffled, without labels
  blind.py merge topics|crisis LABELS...    -> keeps only corpus lines whose blind label agrees with the writer's
                                               (LABELS: files of "id<TAB>label"); prints the agreement per label

The id is a hash of the text, so a batch carries nothing but the message itself.
"""
import hashlib, os, random, sys, collections

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'bot', 'Content', 'training')

def rows(kind):
    d = os.path.join(ROOT, kind)
    for name in sorted(os.listdir(d)):
        if not name.endswith('.tsv'):
            continue
        path = os.path.join(d, name)
        for line in open(path, encoding='utf-8'):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            f = line.split('\t')
            if kind == 'topics' and len(f) == 2:
                yield path, line, name[:-4], f[1]
            elif kind == 'crisis' and len(f) == 4:
                yield path, line, f[0], f[3]

def ident(text):
    return hashlib.sha1(text.strip().lower().encode('utf-8')).hexdigest()[:12]

def export(kind, out, n):
    items = [(ident(t), t) for _, _, _, t in rows(kind)]
    random.Random(20261202).shuffle(items)
    os.makedirs(out, exist_ok=True)
    for k in range(n):
        with open(os.path.join(out, f'batch-{k + 1}.tsv'), 'w', encoding='utf-8') as f:
            for i, t in items[k::n]:
                f.write(f'{i}\t{t}\n')
    print(f'{len(items)} messages in {n} batches under {out}')

def merge(kind, label_files):
    blind = {}
    for path in label_files:
        for line in open(path, encoding='utf-8'):
            f = line.rstrip('\n').split('\t')
            if len(f) >= 2 and not line.startswith('#'):
                blind[f[0].strip()] = f[1].strip()
    keep, agree, total = collections.defaultdict(list), collections.Counter(), collections.Counter()
    dropped = 0
    for path, line, label, text in rows(kind):
        other = blind.get(ident(text))
        total[label] += 1
        if other == label:
            agree[label] += 1
            keep[path].append(line)
        else:
            dropped += 1
    for path in {p for p, *_ in rows(kind)}:
        kept = set(keep[path])
        lines = [l.rstrip('\n') for l in open(path, encoding='utf-8')]
        with open(path, 'w', encoding='utf-8') as f:
            for l in lines:
                # comments and section headers stay where they are; a message line stays only if both readers agreed
                if not l or l.startswith('#') or l in kept:
                    f.write(l + '\n')
    print(f'{dropped} dropped (blind label missing or disagreed), {sum(len(v) for v in keep.values())} kept')
    for label in sorted(total):
        print(f'  {label}: {agree[label]}/{total[label]} agreed')

if __name__ == '__main__':
    if sys.argv[1] == 'export':
        export(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        merge(sys.argv[2], sys.argv[3:])
