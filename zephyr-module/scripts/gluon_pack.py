#!/usr/bin/env python3
"""Packs an Erlang application's .beam files, and the library modules they
need, for Gluon firmware: as one AVM ("packbeam") bundle (a file and/or a
C array) or as C arrays of modules (FreeRTOS's gluon_add_app).

What goes in: the modules given, then every library module (from the
--lib directories) that they reach through their import tables (ImpT) or
through external funs among their literals (`fun lists:map/2`), and so
on transitively, plus the modules named with --module: a module reached
only dynamically (`apply(M, F, A)`, `spawn(M, F, A)` with a variable M)
is not seen and must be named. A module that is neither given nor in a
library (`erlang`, `io`: natives of the VM) is left to the VM, and so is
a function that the VM implements natively (`lists:reverse/2`,
`maps:get/2`; --natives reads them from the VM's sources): a module
whose functions are only called there is not packed.

With --prune SRC_DIR, library modules are compiled from their sources
(SRC_DIR/*.erl) with only the functions needed (gluon_prune.escript
follows calls from the application's to a fixed point): hello's `lists`
shrinks from 19,920 bytes to 604, and so does the RAM its code takes.
A function reached only dynamically is then missing too: name its module
with --module to keep the module whole.

How each module is rewritten (it stays a valid .beam that OTP 28+ loads):
- the literal table (LitT) is stored uncompressed, in OTP 28's layout
  (an uncompressed size of 0 means "not compressed"), so that the VM reads
  literals in place from flash instead of inflating them into RAM with a
  ~11 KB inflate state;
- chunks the VM does not read are dropped (LocT, Attr, CInf, Dbgi, Docs,
  Meta, Type, ExCk, Abst...). The Line chunk stays: it is what stack
  traces show (compile library modules with +no_line_info to drop it and
  the line instructions together, see docs/footprint.md).

The bundle layout (see gluon-rtos/src/bundle.rs): a 24-byte header, then
one entry per module -- three big-endian u32 (the entry's size including
padding, flags, a reserved zero), the NUL-terminated name padded to 4
bytes, the data padded to 4 bytes -- and an entry named "end".
"""

import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

HEADER = b"#!/usr/bin/env AtomVM\n\0\0"
START = 1
BEAM = 2

# The chunks Gluon's loader reads; the others are dropped.
KEEP_CHUNKS = {b"AtU8", b"Atom", b"Code", b"StrT", b"ImpT", b"ExpT", b"FunT", b"LitT", b"Line"}


def fail(msg):
    sys.exit(f"gluon_pack: {msg}")


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


# ---- .beam files


def chunks(data, path):
    """The (id, bytes) chunks of a .beam file, in order."""
    if data[:4] != b"FOR1" or data[8:12] != b"BEAM":
        fail(f"{path} is not a .beam file")
    out = []
    at = 12
    while at + 8 <= len(data):
        cid = data[at:at + 4]
        size = struct.unpack(">I", data[at + 4:at + 8])[0]
        body = data[at + 8:at + 8 + size]
        if len(body) != size:
            fail(f"{path}: chunk {cid!r} runs past the end")
        out.append((cid, body))
        at += 8 + size + (-size % 4)
    return out


def build(chunk_list):
    body = b"BEAM" + b"".join(cid + struct.pack(">I", len(b)) + pad4(b) for cid, b in chunk_list)
    return b"FOR1" + struct.pack(">I", len(body)) + body


def compact_uint(b, at):
    """A compact-term unsigned value (the atom lengths of OTP 28+)."""
    first = b[at]
    if first & 0x08 == 0:
        return first >> 4, at + 1
    if first & 0x10 == 0:
        return ((first >> 5) << 8) | b[at + 1], at + 2
    n = (first >> 5) + 2
    if n == 9:
        fail("atom length too large")
    return int.from_bytes(b[at + 1:at + 1 + n], "big"), at + 1 + n


def atoms(chunk_map):
    if b"AtU8" in chunk_map:
        b, enc = chunk_map[b"AtU8"], "utf-8"
    elif b"Atom" in chunk_map:
        b, enc = chunk_map[b"Atom"], "latin-1"
    else:
        return []
    count = struct.unpack(">i", b[:4])[0]
    long_lengths = count < 0
    at = 4
    out = []
    for _ in range(abs(count)):
        if long_lengths:
            n, at = compact_uint(b, at)
        else:
            n, at = b[at], at + 1
        out.append(b[at:at + n].decode(enc))
        at += n
    return out


def literal_table(litt):
    """The uncompressed literal table of a LitT chunk."""
    size = struct.unpack(">I", litt[:4])[0]
    if size == 0:
        return litt[4:]
    table = zlib.decompress(litt[4:])
    if len(table) != size:
        fail("literal table: size mismatch")
    return table


def etf_export_modules(b, at, out):
    """Walks one external-term-format term at `at`, adding each external
    fun (`fun M:F/A`) to `out` as (M, F, A); returns the end offset."""
    tag = b[at]
    at += 1

    def atom(at):
        t = b[at]
        if t in (100, 118):
            n = struct.unpack(">H", b[at + 1:at + 3])[0]
            return b[at + 3:at + 3 + n].decode("utf-8"), at + 3 + n
        if t in (115, 119):
            n = b[at + 1]
            return b[at + 2:at + 2 + n].decode("utf-8"), at + 2 + n
        fail(f"literal: atom expected, tag {t}")

    if tag == 97:
        return at + 1
    if tag == 98:
        return at + 4
    if tag == 70:
        return at + 8
    if tag == 99:
        return at + 31
    if tag in (100, 115, 118, 119):
        return atom(at - 1)[1]
    if tag == 106:
        return at
    if tag == 107:
        return at + 2 + struct.unpack(">H", b[at:at + 2])[0]
    if tag == 109:
        return at + 4 + struct.unpack(">I", b[at:at + 4])[0]
    if tag == 77:
        return at + 5 + struct.unpack(">I", b[at:at + 4])[0]
    if tag == 110:
        return at + 2 + b[at]
    if tag == 111:
        return at + 5 + struct.unpack(">I", b[at:at + 4])[0]
    if tag in (104, 105, 108, 116):
        if tag == 104:
            n, at = b[at], at + 1
        else:
            n, at = struct.unpack(">I", b[at:at + 4])[0], at + 4
        if tag == 108:
            n += 1  # the tail
        elif tag == 116:
            n *= 2
        for _ in range(n):
            at = etf_export_modules(b, at, out)
        return at
    if tag == 113:
        module, at = atom(at)
        function, at = atom(at)
        if b[at] != 97:
            fail("literal: external fun without a small arity")
        out.add((module, function, b[at + 1]))
        return at + 2
    fail(f"literal: unexpected term tag {tag}")


class Module:
    """A .beam file: its name, rewritten bytes, the functions it names
    (`calls`) and those of other modules (`uses`), as (module, function,
    arity)."""

    def __init__(self, path, keep_all=False):
        self.path = path
        with open(path, "rb") as f:
            data = f.read()
        parts = chunks(data, path)
        chunk_map = dict(parts)
        names = atoms(chunk_map)
        if not names:
            fail(f"{path}: no atom table")
        self.name = names[0]
        self.uses = set()
        imp = chunk_map.get(b"ImpT", b"\0\0\0\0")
        for i in range(struct.unpack(">I", imp[:4])[0]):
            m, f, a = struct.unpack(">III", imp[4 + 12 * i:16 + 12 * i])
            self.uses.add((names[m - 1], names[f - 1], a))
        table = None
        if b"LitT" in chunk_map:
            table = literal_table(chunk_map[b"LitT"])
            count = struct.unpack(">I", table[:4])[0]
            at = 4
            for _ in range(count):
                size = struct.unpack(">I", table[at:at + 4])[0]
                term = table[at + 4:at + 4 + size]
                if term[:1] != b"\x83":
                    fail(f"{path}: literal without the version byte")
                etf_export_modules(term, 1, self.uses)
                at += 4 + size
        # Every function it names, its own module's too: a library module
        # calls the natives of its own name remotely (lists:reverse/2).
        self.calls = frozenset(self.uses)
        self.uses = {u for u in self.uses if u[0] != self.name}
        out = []
        for cid, body in parts:
            if cid == b"LitT":
                body = struct.pack(">I", 0) + table
            elif not keep_all and cid not in KEEP_CHUNKS:
                continue
            out.append((cid, body))
        self.data = build(out)


def prune(app_paths, src_dir, extra, native, flags, out_dir):
    """Compiles into `out_dir` the library modules of `src_dir` that the
    application needs, each with only the functions needed."""
    app = [Module(p) for p in app_paths]
    sources = sorted(os.path.join(src_dir, f) for f in os.listdir(src_dir) if f.endswith(".erl"))
    lib = {os.path.basename(f)[:-4] for f in sources}
    for m in extra:
        if m not in lib:
            fail(f"--module {m}: no such module in {src_dir}")
    def atom(name):
        return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'"

    lines = [f"{{whole, {atom(m)}}}." for m in extra]
    for m in app:
        lines += [f"{{{atom(mod)}, {atom(f)}, {a}}}." for (mod, f, a) in sorted(m.uses) if mod in lib]
    lines += [f"{{native, {atom(mod)}, {atom(f)}, {a}}}." for (mod, f, a) in sorted(native) if mod in lib]
    needs = os.path.join(out_dir, "needs.config")
    with open(needs, "w") as f:
        f.write("\n".join(lines) + "\n")
    escript = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gluon_prune.escript")
    lib_dir = os.path.join(out_dir, "lib")
    run = subprocess.run(["escript", escript, lib_dir, needs] + sources + ["--"] + flags)
    if run.returncode != 0:
        fail("pruning the library failed")
    return lib_dir


def library(dirs):
    """Library modules by name, from directories of .beam files (the
    first directory wins)."""
    found = {}
    for d in dirs:
        for f in sorted(os.listdir(d)):
            if f.endswith(".beam"):
                found.setdefault(f[:-5], os.path.join(d, f))
    return found


def natives(dirs):
    """The functions the VM implements natively, as (module, function,
    arity), from the `native("m", "f", arity, ...)` entries of its
    sources."""
    pattern = re.compile(r'native\(\s*"([^"]+)",\s*"([^"]+)",\s*(\d+)')
    found = set()
    for d in dirs:
        for root, _, files in os.walk(d):
            for f in files:
                if f.endswith(".rs"):
                    with open(os.path.join(root, f), encoding="utf-8") as src:
                        for m in pattern.finditer(src.read()):
                            found.add((m.group(1), m.group(2), int(m.group(3))))
    if dirs and not found:
        fail(f"no native functions found in {dirs}")
    return found


def needed(m, native):
    """The modules whose code `m` needs: those of its calls that the VM
    does not implement natively."""
    return sorted({mod for (mod, f, a) in m.uses if (mod, f, a) not in native})


def select(app_paths, lib_dirs, extra, whole_lib, keep_all=False, native=frozenset()):
    """The application's modules (in the order given), then the library
    modules they need, in a stable order."""
    app = [Module(p, keep_all) for p in app_paths]
    names = [m.name for m in app]
    if len(set(names)) != len(names):
        fail(f"a module is given twice: {names}")
    lib = library(lib_dirs)
    chosen = {m.name: m for m in app}
    wanted = list(extra) + (sorted(lib) if whole_lib else [])
    for m in app:
        wanted.extend(needed(m, native))
    while wanted:
        name = wanted.pop()
        if name in chosen:
            continue
        if name not in lib:
            if name in extra:
                fail(f"--module {name}: no such module in {lib_dirs}")
            continue
        m = Module(lib[name], keep_all)
        chosen[name] = m
        wanted.extend(needed(m, native))
    libs = sorted((m for n, m in chosen.items() if n not in names), key=lambda m: m.name)
    return app + libs


# ---- outputs


def parse_mfa(text):
    """`M:F/A` (the function may contain ':' and '/': `erlang://2`) as
    (module, function, arity)."""
    m, sep, rest = text.partition(":")
    f, sep2, a = rest.rpartition("/")
    if not (sep and sep2 and m and f and a.isdigit()):
        fail(f"--keep-native {text}: expected module:function/arity")
    return m, f, int(a)


def natives_list(modules, native, keep):
    """The VM's build-time list of natives to keep (gluon-vm/build.rs):
    those the packed modules call or name in external funs, and `keep`,
    one `module:function/arity` a line. The natives the VM itself needs
    are its own business (gluon-vm/src/bif/keep.rs)."""
    called = {c for m in modules for c in m.calls if c in native}
    lines = sorted(f"{m}:{f}/{a}" for (m, f, a) in called | set(keep))
    head = ["# Natives the bundle calls (gluon_pack.py --natives-out): "
            + ", ".join(m.name for m in modules)]
    return "\n".join(head + lines) + "\n"


def write_if_changed(path, text):
    """Writes `text` unless the file already holds it: its time stamp
    is what cargo rebuilds the VM on."""
    try:
        with open(path) as f:
            if f.read() == text:
                return
    except OSError:
        pass
    write(path, text)



def entry(name, flags, data):
    body = pad4(name.encode() + b"\0") + pad4(data)
    return struct.pack(">III", 12 + len(body), flags, 0) + body


def pack(modules, start):
    """The bundle bytes: the start module first, then the others in order."""
    if start not in [m.name for m in modules]:
        fail(f"start module {start} is not among {[m.name for m in modules]}")
    out = bytearray(HEADER)
    for m in sorted(modules, key=lambda m: m.name != start):
        flags = BEAM | (START if m.name == start else 0)
        out += entry(m.name + ".beam", flags, m.data)
    out += entry("end", 0, b"")
    return bytes(out)


def c_bytes(data):
    return "\n".join(
        "    " + ", ".join(f"0x{b:02x}" for b in data[i:i + 16]) + "," for i in range(0, len(data), 16)
    )


def c_array(bundle, symbol):
    return "\n".join([
        "/* Generated by gluon_pack.py: an Erlang bundle for Gluon. */",
        "#include <stddef.h>",
        "#include <stdint.h>",
        "",
        f"const size_t {symbol}_len = {len(bundle)};",
        f"const uint8_t {symbol}[{len(bundle)}] __attribute__((aligned(4))) = {{",
        c_bytes(bundle),
        "};",
    ]) + "\n"


def c_string(s):
    return '"' + "".join(c if c.isalnum() or c in "_.-" else f"\\{ord(c):03o}" for c in s) + '"'


def c_modules(modules, start):
    """C source of freertos-port's gluon_app.h: one array per module."""
    out = ["/* Generated by gluon_pack.py: do not edit. */", '#include "gluon_app.h"', ""]
    for i, m in enumerate(modules):
        out.append(f"/* {m.name} */")
        out.append(f"static const uint8_t beam_{i}[{len(m.data)}] __attribute__((aligned(4))) = {{")
        out.append(c_bytes(m.data))
        out.append("};")
        out.append("")
    out.append(f"const char gluon_app_start[] = {c_string(start)};")
    out.append("")
    out.append("const gluon_app_module gluon_app_modules[] = {")
    for i, m in enumerate(modules):
        out.append(f"    {{{c_string(m.name)}, beam_{i}, sizeof beam_{i}}},")
    out.append("};")
    out.append(f"const size_t gluon_app_module_count = {len(modules)};")
    out.append("")
    out.append("gluon_status gluon_app_add(gluon_vm *vm) {")
    out.append("    for (size_t i = 0; i < gluon_app_module_count; i++) {")
    out.append("        const gluon_app_module *m = &gluon_app_modules[i];")
    out.append("        gluon_status s = gluon_add_flash_beam(vm, m->name, m->beam, m->len);")
    out.append("        if (s != GLUON_OK) return s;")
    out.append("    }")
    out.append("    return GLUON_OK;")
    out.append("}")
    return "\n".join(out) + "\n"


def write(path, data):
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("beams", nargs="+", help="the application's .beam files")
    ap.add_argument("--start", help="module to start (default: the first)")
    ap.add_argument("--lib", action="append", default=[],
                    help="a directory of library .beam files to take needed modules from")
    ap.add_argument("--module", action="append", default=[],
                    help="a library module to add although no import names it (repeatable)")
    ap.add_argument("--natives", action="append", default=[],
                    help="a directory of the VM's Rust sources: calls to its native "
                         "functions need no library module")
    ap.add_argument("--prune", metavar="SRC_DIR",
                    help="compile the library from these sources with only the functions "
                         "needed (instead of --lib)")
    ap.add_argument("--erlc-flag", action="append", default=[],
                    help="an erlc flag for the library when pruning (+no_line_info)")
    ap.add_argument("--whole-lib", action="store_true",
                    help="add every library module, needed or not")
    ap.add_argument("--keep-chunks", action="store_true",
                    help="keep every chunk (only the literal table is rewritten)")
    ap.add_argument("--output", help="the .avm bundle to write")
    ap.add_argument("--c-array", help="also write the bundle as C source here")
    ap.add_argument("--symbol", default="gluon_app_bundle", help="name of the C array")
    ap.add_argument("--c-modules", help="write the modules as C arrays for gluon_app.h here")
    ap.add_argument("--list", action="store_true", help="print each module packed and its size")
    ap.add_argument("--natives-out", metavar="FILE",
                    help="write the natives the packed modules call (module:function/arity "
                         "a line) for the VM's build (GLUON_NATIVES); needs --natives")
    ap.add_argument("--keep-native", action="append", default=[], metavar="M:F/A",
                    help="a native to list although no module imports it: one reached only "
                         "dynamically (apply/3, erlang:F(...) with a variable F) (repeatable)")
    a = ap.parse_args()
    if not (a.output or a.c_array or a.c_modules or a.list or a.natives_out):
        fail("nothing to write: give --output, --c-array, --c-modules, --natives-out or --list")
    native = natives(a.natives)
    if (a.natives_out or a.keep_native) and not native:
        fail("--natives-out and --keep-native need --natives (the VM's sources)")
    keep = [parse_mfa(k) for k in a.keep_native]
    for k in keep:
        if k not in native:
            fail(f"--keep-native {k[0]}:{k[1]}/{k[2]}: not a native of the VM")
    tmp = None
    lib_dirs = a.lib
    if a.prune and not a.whole_lib:
        tmp = tempfile.mkdtemp(prefix="gluon_pack")
        lib_dirs = [prune(a.beams, a.prune, a.module, native, a.erlc_flag, tmp)]
    try:
        modules = select(a.beams, lib_dirs, a.module, a.whole_lib, a.keep_chunks, native)
    finally:
        if tmp:
            shutil.rmtree(tmp)
    start = a.start or modules[0].name
    if a.list:
        for m in modules:
            print(f"{m.name} {len(m.data)}")
    if a.output or a.c_array:
        bundle = pack(modules, start)
        if a.output:
            write(a.output, bundle)
        if a.c_array:
            write(a.c_array, c_array(bundle, a.symbol))
    if a.c_modules:
        if start not in [m.name for m in modules]:
            fail(f"start module {start} is not among {[m.name for m in modules]}")
        write(a.c_modules, c_modules(modules, start))
    if a.natives_out:
        write_if_changed(a.natives_out, natives_list(modules, native, keep))


if __name__ == "__main__":
    main()
