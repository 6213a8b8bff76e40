#!/usr/bin/env python3
"""Removes from bot/Content/training every message that also appears (normalised, 3+ words) in an evaluation set.

Writers work independently of the evaluation sets, so the overlaps are the short common phrases two people write
alike ("ik wil niet meer leven", "hoe werkt dit"); they go, so the evaluation keeps measuring unseen messages.
"""
import glob, os
root = os.path.join(os.path.dirname(__file__), '..', '..')
def norm(s):
    return ' '.join(''.join(ch for ch in w if ch.isalnum()) for w in s.lower().split() if any(ch.isalnum() for ch in w))
evaluation = set()
for f in glob.glob(os.path.join(root, 'bot.tests', 'Evaluation', '*.tsv')) + glob.glob(os.path.join(root, 'bot.tests', 'Knowledge', '*.tsv')):
    for line in open(f, encoding='utf-8'):
        if not line.startswith('#'):
            q = norm(line.rstrip('\n').split('\t')[-1])
            if len(q.split()) >= 3:
                evaluation.add(q)
removed = 0
for f in glob.glob(os.path.join(root, 'bot', 'Content', 'training', '*', '*.tsv')):
    lines = open(f, encoding='utf-8').read().split('\n')
    keep = [l for l in lines if not (l and not l.startswith('#') and norm(l.split('\t')[-1]) in evaluation)]
    removed += len(lines) - len(keep)
    open(f, 'w', encoding='utf-8').write('\n'.join(keep))
print(f'{removed} training lines dropped: they also appear in an evaluation set')
