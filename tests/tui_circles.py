#!/usr/bin/env python3
"""tui_circles.py SRC_TUI - fails when the TUI's files call each other in a
circle: file A uses a function or a view that file B defines, B one of A's,
directly or through others. Views reach the views under them through their
ops, and back goes to a view's parent, so a new circle is a seam undone.
Prints each circle found (the files in it) and exits 1."""
import glob
import os
import re
import sys


def strip(text):
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    return re.sub(r'"(\\.|[^"\\])*"', '""', text)


def main(folder):
    files = sorted(glob.glob(os.path.join(folder, '*.c')))
    defined = {}
    for f in files:
        text = strip(open(f, encoding='utf-8').read())
        # functions and objects defined with external linkage
        for m in re.finditer(r'^(?!static)[a-z][^;\n(=]*?\b(\w+)\s*\([^;]*?\)\s*\n?\{', text, re.M):
            defined[m.group(1)] = f
        for m in re.finditer(r'^(?!static)(?:const )?struct \w+ (\w+)\s*=', text, re.M):
            defined[m.group(1)] = f
    uses = {f: set() for f in files}
    for f in files:
        words = set(re.findall(r'\b\w+\b', strip(open(f, encoding='utf-8').read())))
        uses[f] = {defined[w] for w in words if w in defined and defined[w] != f}
    # strongly connected components (Tarjan)
    index, low, stack, on, circles = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in uses[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(os.path.basename(w))
                if w == v:
                    break
            if len(comp) > 1:
                circles.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for f in files:
        if f not in index:
            visit(f)
    for c in circles:
        print('circle: ' + ' '.join(c))
    if not circles:
        print('ok - no circle among %d files of %s' % (len(files), folder))
    return 1 if circles else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
