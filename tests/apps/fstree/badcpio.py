#!/usr/bin/env python3
# Write the bad initrds of tests/cases/67-initrd.sh into FOLDER, one file
# each, and print "<file> <entry name> <header offset> <reason pattern>"
# lines: what the guest must name when it refuses the archive.
# Usage: badcpio.py FOLDER
import os
import sys


def ent(name, mode=0o100644, data=b'', magic=b'070701', nlink=1, ino=1,
        check=0, namesize=None):
    n = name.encode() + b'\0'
    fields = [ino, mode, 0, 0, nlink, 1700000000, len(data), 0, 0, 0, 0,
              len(n) if namesize is None else namesize, check]
    b = magic + b''.join(b'%08X' % v for v in fields) + n
    b += b'\0' * ((-len(b)) % 4)
    return b + data + b'\0' * ((-len(data)) % 4)


TRAILER = ent('TRAILER!!!', mode=0, ino=0)


def main():
    out = sys.argv[1]
    good = ent('etc', mode=0o40755) + ent('etc/a.conf', data=b'ok\n')
    at = len(good)  # the offset of the bad member's header
    cases = {
        # cut inside the data of the third member
        'truncated': (good + ent('etc/big', data=b'x' * 1000))[:at + 400],
        'longname': good + ent('d/' + ('n/' * 2100) + 'f', data=b'x') + TRAILER,
        'dotdot': good + ent('etc/../../outside', data=b'x') + TRAILER,
        'absolute': good + ent('/etc/passwd', data=b'x') + TRAILER,
        'badmagic': good + b'171701' + ent('etc/c', data=b'x')[6:] + TRAILER,
        'badhex': good + ent('etc/c', data=b'x').replace(b'000081A4', b'0000Z1A4', 1) + TRAILER,
        'badcrc': good + ent('etc/c', data=b'abc', magic=b'070702', check=7) + TRAILER,
        'linkparent': good + ent('up', mode=0o120777, data=b'/') + ent('up/escaped', data=b'x') + TRAILER,
    }
    expect = {
        'truncated': ('etc/big', at, 'truncated data'),
        'longname': ('d/n/n/n', at, 'name longer than PATH_MAX'),
        'dotdot': ('etc/../../outside', at, "'..' in the name"),
        'absolute': ('/etc/passwd', at, 'absolute name'),
        'badmagic': (None, at, 'bad magic'),
        'badhex': (None, at, 'header field is not 8 hexadecimal digits'),
        'badcrc': ('etc/c', at, 'checksum mismatch'),
        'linkparent': ('up/escaped', at + len(ent('up', mode=0o120777, data=b'/')), 'a parent is a symbolic link'),
    }
    for k, data in cases.items():
        with open(os.path.join(out, k + '.cpio'), 'wb') as f:
            f.write(data)
        name, off, why = expect[k]
        print('%s %s %d %s' % (k, name or '-', off, why))


main()
