#!/usr/bin/env python3
# What `fstree dump` prints for a folder unpacked from FOLDER (as
# support/scripts/mkcpio packs it): the same lines, computed on the host.
# Usage: expect.py FOLDER
import os
import stat
import sys


def fnv1a(path):
    h = 0xcbf29ce484222325
    with open(path, 'rb') as f:
        for b in f.read():
            h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
    return '%016x' % h


def main():
    base = sys.argv[1]
    ents = []
    for root, dirs, files in os.walk(base):
        for n in dirs + files:
            full = os.path.join(root, n)
            ents.append((os.path.relpath(full, base).encode(), full))
    ents.sort()
    seen = {}
    for rel, full in ents:
        st = os.lstat(full)
        mode = st.st_mode & 0o7777
        rel = rel.decode()
        if stat.S_ISLNK(st.st_mode):
            target = os.readlink(full)
            print('%s link %04o 1 0 %d %s' % (rel, mode, len(target.encode()), target))
        elif stat.S_ISDIR(st.st_mode):
            print('%s dir %04o %d %d 0 -' % (rel, mode, st.st_nlink, st.st_mtime))
        else:
            what = fnv1a(full)
            if st.st_ino in seen:
                what = '=' + seen[st.st_ino]
            else:
                seen[st.st_ino] = rel
            print('%s file %04o %d %d %d %s' % (rel, mode, st.st_nlink,
                                               st.st_mtime, st.st_size, what))


main()
