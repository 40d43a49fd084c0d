#!/usr/bin/python3
"""The architecture test: reads every #include under a source root (src/) and fails, with one
line per violation (file:line: rule: what), when a file includes a layer it must not, a library
its layer must not use, another part's header, or when units include each other in a circle.

Start reading at LAYERS (the layer table of ../../../shared/DESIGN.md, with rows for leads/,
staff/, store/ and durable/ added): it is the one place that says who may include what.

Rules (the names printed after file:line):
  layer          a file includes a header of a folder its row does not list
  library        a file includes a system or library header its row does not list
                 (core/ may include only the C standard headers: no SDL, SQLite or POSIX)
  part           one part of the kiosk includes another part's header (see PARTS below)
  cycle          units include each other in a circle; a unit is a .c with the .h of the same
                 name in the same folder (a lone .h or .c is a unit of its own); one line per
                 include that closes a circle, with the circle it closes
  unknown-folder a file lives in a folder the table has no row for
  unknown-header a header that is neither under src/ nor in HEADER_LIBRARIES
  stale          an allowlist line names a violation that no longer occurs: remove the line
  duplicate      an allowlist line repeats an earlier one

The known violations of the real tree sit in an allowlist (known_violations.txt, one violation
key a line, as printed after "key:" by --verbose); they are counted, not failed, and a key that no
longer occurs fails as stale, so the list can only shrink. --prune-allowlist removes the stale
lines (it never adds one).

Every #include line counts, whatever #if it sits under; includes inside /* */ comments and after
// do not. Nothing is compiled: the test needs no build.

Usage: check_architecture.py [--allowlist FILE] [--prune-allowlist] [--verbose] SOURCE_ROOT
Exit status: 0 clean (allowed violations aside), 1 violations or stale entries, 2 usage error."""

import argparse
import collections
import os
import re
import sys

ANY = "*"  # a row that may include anything

# The C standard library's headers (C17): all that core/ may include from outside src/.
C_STANDARD_HEADERS = frozenset("""
    assert.h complex.h ctype.h errno.h fenv.h float.h inttypes.h iso646.h limits.h locale.h
    math.h setjmp.h signal.h stdalign.h stdarg.h stdatomic.h stdbool.h stddef.h stdint.h stdio.h
    stdlib.h stdnoreturn.h string.h tgmath.h threads.h time.h uchar.h wchar.h wctype.h
""".split())

# POSIX and glibc headers outside the C standard ("posix" below).
POSIX_HEADERS = frozenset("""
    aio.h arpa/inet.h cpio.h dirent.h dlfcn.h fcntl.h fmtmsg.h fnmatch.h ftw.h getopt.h glob.h
    grp.h iconv.h langinfo.h libgen.h malloc.h monetary.h mqueue.h ndbm.h net/if.h netdb.h
    netinet/in.h netinet/tcp.h nl_types.h poll.h pthread.h pwd.h regex.h sched.h search.h
    semaphore.h spawn.h strings.h stropts.h syslog.h tar.h termios.h trace.h ulimit.h unistd.h
    utime.h utmpx.h wordexp.h endian.h features.h execinfo.h err.h paths.h
""".split())
POSIX_PREFIXES = ("sys/", "linux/", "netinet/", "arpa/", "net/")

# Library headers outside src/ and the libraries they belong to: (header or "folder/", name).
HEADER_LIBRARIES = (
    ("SDL2/", "sdl2"),
    ("SDL.h", "sdl2"),
    ("sqlite3.h", "sqlite3"),
    ("sodium.h", "sodium"),
    ("sodium/", "sodium"),
    ("curl/", "curl"),
    ("qrencode.h", "qrencode"),
    ("ini.h", "inih"),
    ("espeak-ng/", "espeak-ng"),
    ("X11/", "x11"),
    ("zip.h", "libzip"),
    ("expat.h", "expat"),
    ("xlsxwriter.h", "xlsxwriter"),
    ("drm.h", "libdrm"),
    ("drm_mode.h", "libdrm"),
    ("libical/", "ical"),
)

LIBRARY_NAMES = {
    "c": "the C standard library",
    "posix": "POSIX",
    "sdl2": "SDL2",
    "sqlite3": "SQLite",
    "sodium": "libsodium",
    "curl": "libcurl",
    "qrencode": "libqrencode",
    "inih": "inih",
    "espeak-ng": "espeak-ng",
    "x11": "X11",
    "libzip": "libzip",
    "expat": "expat",
    "xlsxwriter": "libxlsxwriter",
    "libdrm": "libdrm's headers",
    "ical": "libical",
}

Row = collections.namedtuple("Row", "uses libs")

# The layer table: folder under src/ (or main.c) -> what its files may include besides their own
# folder. uses: "folder/" for any header under src/folder/, "folder/name.h" for that header only;
# libs: names from LIBRARY_NAMES. The comment on each row says where it comes from: the design's
# table, and what the folder's CMakeLists.txt links today (facts_<folder>).
LAYERS = {
    # core: pure decisions, never SDL, SQLite or POSIX; facts_core links only libm.
    "core": Row(uses=(), libs=("c",)),
    # durable: the durable-write toolkit (write-new + fsync + rename + directory fsync), below
    # both store/ and update/; plain libc and POSIX, nothing of the kiosk's.
    "durable": Row(uses=(), libs=("c", "posix")),
    # posix: small POSIX helpers shared above core/ without SDL (a worker thread started with its
    # signals blocked); facts_posix links only threads.
    "posix": Row(uses=(), libs=("c", "posix")),
    # content: the pack contract and hardened loading; facts_content links core and SQLite.
    "content": Row(uses=("core/",), libs=("c", "sqlite3")),
    # workbook: content packs as Excel workbooks staff edit. The reader gives sheets as grids of
    # texts for the builder (libzip for the container, expat for the XML); pack export writes one
    # (libxlsxwriter). facts_workbook links content, the durable writes, core and SQLite.
    "workbook": Row(uses=("content/", "durable/", "core/"),
                    libs=("c", "posix", "sqlite3", "libzip", "expat", "xlsxwriter")),
    # builder: sources (CSV files or a workbook) -> pack at build time, on laptops and in the
    # kiosk's update worker (a staff import); facts_builder links workbook, content, core,
    # SQLite, libical (.ics files), and writes the pack through the durable writes. Never render/ or app/.
    "builder": Row(uses=("workbook/", "content/", "durable/", "core/"), libs=("c", "posix", "sqlite3", "ical")),
    # store: the one owner of the state directory (slots, pointer, lock, every path under it);
    # content/, the durable writes, the log (facts_log) and core/.
    "store": Row(uses=("content/", "durable/", "posix/", "platform/log.h", "core/"),
                 libs=("c", "posix")),
    # update: pack sources, staging, minisign, status; facts_update links facts_log, facts_lazy,
    # core, libsodium and (loaded lazily) libcurl; the design adds content/ and store/. Never
    # render/ (the test render of a candidate goes through app/'s callback).
    "update": Row(uses=("content/", "store/", "durable/", "posix/", "platform/log.h",
                        "platform/lazy_library.h", "core/"),
                  libs=("c", "posix", "sodium", "curl")),
    # leads: sealed visitor leads (libsodium), written durably (durable/) under the store's
    # paths; facts_leads links facts_store, facts_durable and core.
    "leads": Row(uses=("store/", "durable/", "posix/", "platform/log.h", "core/"),
                 libs=("c", "posix", "sodium")),
    # visits: anonymous statistics in SQLite and their export; facts_visits links core, SQLite
    # and threads; the design adds libsodium.
    "visits": Row(uses=("store/", "durable/", "posix/", "platform/log.h", "core/"),
                  libs=("c", "posix", "sqlite3", "sodium")),
    # staff: the hidden gesture, PIN and lockout (libsodium Argon2id), kiosk.conf's pin_hash
    # (replaced through durable/); facts_staff links facts_durable and core.
    "staff": Row(uses=("store/", "durable/", "posix/", "platform/log.h", "core/"),
                 libs=("c", "posix", "sodium")),
    # platform: options, log, clock, input, notify, display and screen power, speech; facts_platform and
    # facts_speech link core, SDL2, inih, X11 (DPMS), libdrm's and espeak-ng's headers.
    "platform": Row(uses=("posix/", "core/"),
                    libs=("c", "posix", "sdl2", "inih", "x11", "libdrm", "espeak-ng")),
    # render: drawing with SDL2, SDL2_ttf, SDL2_image (loaded lazily through facts_lazy) and
    # libqrencode; facts_render links content and core. Never update/.
    "render": Row(uses=("content/", "posix/", "core/", "platform/lazy_library.h",
                        "platform/log.h"),
                  libs=("c", "posix", "sdl2", "qrencode")),
    # app: the main loop and its parts; all of the above (facts_app links them all).
    "app": Row(uses=("core/", "durable/", "posix/", "content/", "builder/", "workbook/", "store/", "update/",
                     "leads/", "visits/", "staff/", "platform/", "render/"),
               libs=tuple(LIBRARY_NAMES)),
    # main.c: the command line and its verbs, wiring: everything.
    "main.c": Row(uses=ANY, libs=ANY),
}

# Parts of the kiosk (src/app/, issue 16): one part never includes another part's header; they
# talk through the shared core. A part is every unit src/app/part_<name>.{c,h}, plus the units
# named in PARTS (as "app/<stem>", for a part whose files are not named part_*). A part may span
# several files: part_<name>_<more>.{c,h} belong to part_<name> when part_<name>.h exists.
PART_PATTERN = re.compile(r"^app/part_[A-Za-z0-9_]+$")
PARTS = ()

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def strip_comments(text):
    """The text with /* */ and // comments blanked, newlines kept (so line numbers hold)."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            i = end
        elif text[i] in "\"'":
            quote, j = text[i], i + 1
            while j < n and text[j] != quote and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


class Include(collections.namedtuple("Include", "file line name internal")):
    """One #include: the including file and the included name, both relative to the root;
    internal when the name is a file under the root."""


def source_files(root):
    found = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".c", ".h")):
                found.append(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return found


def read_includes(root, rel):
    with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
        text = strip_comments(f.read())
    includes = []
    for number, line in enumerate(text.split("\n"), 1):
        match = INCLUDE.match(line)
        if not match:
            continue
        name = match.group(2).strip()
        if os.path.isfile(os.path.join(root, name)):
            includes.append(Include(rel, number, os.path.normpath(name).replace(os.sep, "/"), True))
            continue
        beside = os.path.normpath(os.path.join(os.path.dirname(rel), name)).replace(os.sep, "/")
        if (match.group(1) == '"' and not beside.startswith("..")
                and os.path.isfile(os.path.join(root, beside))):
            includes.append(Include(rel, number, beside, True))
            continue
        includes.append(Include(rel, number, name, False))
    return includes


def folder_of(rel):
    """The row of the table a file under the root belongs to: its first folder, or main.c."""
    return rel.split("/", 1)[0] if "/" in rel else rel


def unit_of(rel):
    """A .c and its .h are one unit; so is <name>_internal.h, the header the files of unit
    <name> share among themselves (platform/options_internal.h belongs to platform/options)."""
    stem = os.path.splitext(rel)[0]
    if rel.endswith("_internal.h"):
        return stem[: -len("_internal")]
    return stem


def library_of(name):
    if name in C_STANDARD_HEADERS:
        return "c"
    if name in POSIX_HEADERS or name.startswith(POSIX_PREFIXES):
        return "posix"
    for prefix, library in HEADER_LIBRARIES:
        if name == prefix or (prefix.endswith("/") and name.startswith(prefix)):
            return library
    return None


def describe_row(folder, row):
    uses = ", ".join(row.uses) if row.uses else "nothing of src/ but its own folder"
    libs = ", ".join(LIBRARY_NAMES[lib] for lib in row.libs)
    return "%s/ may use %s; libraries: %s" % (folder, uses, libs)


def may_use(row, name):
    if row.uses == ANY:
        return True
    return any(name.startswith(use) if use.endswith("/") else name == use for use in row.uses)


class Violation(collections.namedtuple("Violation", "file line rule what key")):
    """One broken rule: where (file relative to the root, line), the rule, what is wrong, and the
    key an allowlist line names it by (no line numbers, so edits elsewhere keep it)."""


def check_layers(includes_by_file):
    violations = []
    for rel, includes in includes_by_file.items():
        folder = folder_of(rel)
        row = LAYERS.get(folder)
        if row is None:
            violations.append(Violation(rel, 1, "unknown-folder",
                                        "%s has no row in the layer table (LAYERS in %s)"
                                        % (folder, os.path.basename(__file__)),
                                        "unknown-folder %s" % folder))
            continue
        for inc in includes:
            if inc.internal:
                target = folder_of(inc.name)
                if target == folder or may_use(row, inc.name):
                    continue
                violations.append(Violation(rel, inc.line, "layer",
                                            "%s/ must not include %s/ (%s); %s"
                                            % (folder, target, inc.name, describe_row(folder, row)),
                                            "layer %s %s" % (rel, inc.name)))
                continue
            library = library_of(inc.name)
            if library is None:
                violations.append(Violation(rel, inc.line, "unknown-header",
                                            "<%s> is neither under the source root nor in "
                                            "HEADER_LIBRARIES or POSIX_HEADERS" % inc.name,
                                            "unknown-header %s %s" % (rel, inc.name)))
            elif row.libs != ANY and library not in row.libs:
                violations.append(Violation(rel, inc.line, "library",
                                            "%s/ must not include <%s> (%s); %s"
                                            % (folder, inc.name, LIBRARY_NAMES[library],
                                               describe_row(folder, row)),
                                            "library %s %s" % (rel, inc.name)))
    return violations


def part_names(files):
    named = {unit_of(rel) for rel in files
             if rel.endswith(".h") and PART_PATTERN.match(unit_of(rel))}
    return named | set(PARTS)


def part_of(unit, parts):
    """The part a unit belongs to: the longest part name it is or extends with _<more>."""
    owners = [p for p in parts if unit == p or unit.startswith(p + "_")]
    if owners:
        return max(owners, key=len)
    return unit if PART_PATTERN.match(unit) else None


def check_parts(includes_by_file):
    parts = part_names(includes_by_file)
    violations = []
    for rel, includes in includes_by_file.items():
        mine = part_of(unit_of(rel), parts)
        if mine is None:
            continue
        for inc in includes:
            theirs = part_of(unit_of(inc.name), parts) if inc.internal else None
            if theirs is not None and theirs != mine:
                violations.append(Violation(rel, inc.line, "part",
                                            "part %s includes part %s's header %s; parts talk "
                                            "through the shared core" % (mine, theirs, inc.name),
                                            "part %s %s" % (rel, inc.name)))
    return violations


def strongly_connected(graph):
    """Tarjan's algorithm, iterative: node -> index of its strongly connected component."""
    index, low, on_stack, stack, component = {}, {}, set(), [], {}
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = index[node]
                    if member == node:
                        break
    return component


def shortest_path(graph, start, goal, allowed):
    """The shortest chain of units from start to goal through the allowed units (BFS)."""
    previous = {start: None}
    queue = collections.deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            break
        for child in sorted(graph[node]):
            if child in allowed and child not in previous:
                previous[child] = node
                queue.append(child)
    chain, node = [], goal
    while node is not None:
        chain.append(node)
        node = previous[node]
    return chain[::-1]


def check_cycles(includes_by_file):
    graph = collections.defaultdict(set)
    evidence = {}  # (unit, unit) -> the first include that makes the edge
    for rel in sorted(includes_by_file):
        graph[unit_of(rel)]
        for inc in includes_by_file[rel]:
            if not inc.internal or unit_of(inc.name) == unit_of(rel):
                continue
            edge = (unit_of(rel), unit_of(inc.name))
            graph[edge[0]].add(edge[1])
            graph[edge[1]]
            evidence.setdefault(edge, inc)
    component = strongly_connected(graph)
    violations = []
    for (a, b), inc in sorted(evidence.items()):
        if component[a] != component[b]:
            continue
        members = {u for u in graph if component[u] == component[a]}
        back = shortest_path(graph, b, a, members)
        chain = [a] + back
        hops = ["%s:%d includes %s" % (evidence[(x, y)].file, evidence[(x, y)].line,
                                       evidence[(x, y)].name)
                for x, y in zip(back, back[1:])]
        violations.append(Violation(inc.file, inc.line, "cycle",
                                    "%s (back: %s)" % (" -> ".join(chain), "; ".join(hops)),
                                    "cycle %s -> %s" % (a, b)))
    return violations


def read_allowlist(path):
    """(line number, key) for each line of the allowlist that is not blank or a # comment."""
    if path is None:
        return []
    entries = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            key = " ".join(line.split("#", 1)[0].split())
            if key:
                entries.append((number, key))
    return entries


def prune_allowlist(path, stale_lines):
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(line for number, line in enumerate(lines, 1) if number not in stale_lines)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", help="the source root (src/)")
    parser.add_argument("--allowlist", help="known violations, one key a line; may only shrink")
    parser.add_argument("--prune-allowlist", action="store_true",
                        help="remove the allowlist's stale lines (never adds one)")
    parser.add_argument("--verbose", action="store_true",
                        help="also list the allowed violations and every violation's key")
    args = parser.parse_args(argv)
    if not os.path.isdir(args.root):
        print("check_architecture: %s: not a folder" % args.root, file=sys.stderr)
        return 2
    root = os.path.normpath(args.root)
    shown_root = os.path.basename(os.path.abspath(root))

    files = source_files(root)
    includes_by_file = {rel: read_includes(root, rel) for rel in files}
    violations = (check_layers(includes_by_file) + check_parts(includes_by_file)
                  + check_cycles(includes_by_file))
    violations.sort(key=lambda v: (v.file, v.line, v.rule, v.key))

    entries = read_allowlist(args.allowlist)
    allowed_keys = {key for _, key in entries}
    failed = 0
    allowed = 0
    for v in violations:
        where = "%s/%s:%d" % (shown_root, v.file, v.line)
        if v.key in allowed_keys:
            allowed += 1
            if args.verbose:
                print("%s: allowed %s: %s" % (where, v.rule, v.what))
            continue
        failed += 1
        print("%s: %s: %s" % (where, v.rule, v.what))
        if args.verbose:
            print("    key: %s" % v.key)

    occurring = {v.key for v in violations}
    seen, stale_lines = set(), set()
    shown_list = args.allowlist and os.path.relpath(args.allowlist)
    for number, key in entries:
        if key in seen:
            print("%s:%d: duplicate: \"%s\" is listed twice" % (shown_list, number, key))
            stale_lines.add(number)
        elif key not in occurring:
            print("%s:%d: stale: \"%s\" no longer occurs: remove the line (the list may only "
                  "shrink)" % (shown_list, number, key))
            stale_lines.add(number)
        seen.add(key)
    if args.prune_allowlist and stale_lines:
        prune_allowlist(args.allowlist, stale_lines)
        print("check_architecture: removed %d stale line(s) from %s"
              % (len(stale_lines), shown_list))
        stale_lines = set()

    print("check_architecture: %d files, %d includes; %d violation(s) allowed by the allowlist "
          "(%d entries), %d not allowed, %d stale allowlist line(s)"
          % (len(files), sum(len(i) for i in includes_by_file.values()), allowed, len(entries),
             failed, len(stale_lines)))
    return 1 if failed or stale_lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
