#!/usr/bin/env python3
"""Documentation references resolve, and no comment cites a tracker issue.

Fails (exit 1, one line per problem, as FILE:LINE: what) when
  1. a file names docs/<page>.md and that page does not exist;
  2. a citation names a section that the page does not have:
     `docs/<page>.md "Section"` or `README "Section"` (the quoted text must be
     a heading of the page, or the start of one followed by punctuation or a
     space: "Person networks" matches "Person networks (`rcmap network`)");
     the quoted text may continue on the next comment line;
  3. a Markdown link `[text](target)` in a .md file points to a file that does
     not exist, or to an #anchor that is no heading of the target (GitHub's
     heading ids);
  4. a source file (C++, Python, shell, CMake, JavaScript, CSS, HTML, man page)
     cites an issue number: "issue 3", "Issue 15, point 4", "issue #12",
     "ticket 4", "PR 7". Issues of another project are allowed when the project
     is named just before ("igraph issue #2650").
The word "issue" without a number is never flagged.

usage: docs_links.py SOURCE_DIR   (docs_links.py --selftest: shows each check can fail)
"""
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..'))

# Where references are looked for. Build trees, .git and test data are skipped.
SCAN_DIRS = ['src', 'include', 'render', 'tests', 'fuzz', 'bench', 'scripts', 'docs', 'man', 'samples', '.ci']
SCAN_TOP = ['README.md', 'CMakeLists.txt']
SKIP_DIRS = {'.git', 'build', 'data', 'node_modules', '__pycache__'}
CODE_EXT = {'.cpp', '.hpp', '.h', '.c', '.cc', '.in', '.py', '.sh', '.cmake', '.js', '.css', '.html', '.1'}
TEXT_EXT = CODE_EXT | {'.md', '.ini', '.txt', ''}
# Projects whose own trackers may be cited ("igraph issue #2650").
OTHER_PROJECTS = {'igraph', 'networkx', 'catch2', 'boost', 'cairo', 'pango', 'readstat', 'libxlsxwriter',
                  'utf8proc', 'cmake', 'chromium', 'python', 'graph-tool'}

problems = []


def report(path, line, what):
    problems.append(f'{os.path.relpath(path, ROOT)}:{line}: {what}')


def files():
    for top in SCAN_TOP:
        p = os.path.join(ROOT, top)
        if os.path.isfile(p):
            yield p
    for d in SCAN_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, d)):
            dirnames[:] = sorted(x for x in dirnames if x not in SKIP_DIRS)
            for f in sorted(filenames):
                ext = os.path.splitext(f)[1]
                if f == 'CMakeLists.txt' or ext in TEXT_EXT:
                    yield os.path.join(dirpath, f)


def read(path):
    try:
        with open(path, encoding='utf-8') as fh:
            return fh.read()
    except (UnicodeDecodeError, OSError):
        return None


# --- headings and GitHub anchors ------------------------------------------

_headings = {}


def headings(path):
    """(text, anchor) of every ATX heading outside code fences."""
    if path not in _headings:
        out, seen, fence = [], {}, False
        for line in (read(path) or '').split('\n'):
            if line.lstrip().startswith('```'):
                fence = not fence
                continue
            m = None if fence else re.match(r'^#{1,6}\s+(.*?)\s*#*\s*$', line)
            if m:
                text = m.group(1)
                slug = re.sub(r'[^\w\- ]', '', text.lower()).replace(' ', '-')
                n = seen.get(slug, 0)
                seen[slug] = n + 1
                out.append((text, slug if n == 0 else f'{slug}-{n}'))
        _headings[path] = out
    return _headings[path]


def norm(text):
    return re.sub(r'\s+', ' ', re.sub(r'[`*_]', '', text)).strip().lower()


def has_section(path, name):
    want = norm(name)
    for text, _ in headings(path):
        h = norm(text)
        if h == want or (h.startswith(want) and not h[len(want)].isalnum()):
            return True
    return False


# --- 1 and 2: docs/<page>.md and README citations ---------------------------

DOC_REF = re.compile(r'(?<![\w./-])(docs/[\w.-]+\.md|README(?:\.md)?)(?![\w/-])(,?\s*\\?"([^"\\\n]*)(\\?")?)?')
COMMENT_LEAD = re.compile(r'^\s*(?://+|#+|\*|;+|"""|\.\\")?\s*')


def check_citations(path, text):
    lines = text.split('\n')
    for i, line in enumerate(lines):
        for m in DOC_REF.finditer(line):
            ref = m.group(1)
            if ref.startswith('README'):
                # Only the top-level README, and only when a section is quoted:
                # other READMEs (samples/, bench/) are named by their path.
                if line[:m.start()].endswith('/'):
                    continue
                target = os.path.join(ROOT, 'README.md')
            else:
                target = os.path.join(ROOT, ref)
                if not os.path.isfile(target):
                    report(path, i + 1, f'names {ref}, which does not exist')
                    continue
            if m.group(3) is None:
                continue
            section = m.group(3)
            if not m.group(4) and i + 1 < len(lines):
                # The quoted section continues on the next (comment) line.
                rest = COMMENT_LEAD.sub('', lines[i + 1], count=1)
                section += ' ' + re.split(r'\\?"', rest, maxsplit=1)[0]
            if section.strip() and not has_section(target, section):
                report(path, i + 1, f'cites {ref} "{section.strip()}", but {os.path.relpath(target, ROOT)} '
                       f'has no such heading')


# --- 3: Markdown links --------------------------------------------------------

MD_LINK = re.compile(r'\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)')


def check_links(path, text):
    fence = False
    for i, line in enumerate(text.split('\n')):
        if line.lstrip().startswith('```'):
            fence = not fence
            continue
        if fence:
            continue
        for m in MD_LINK.finditer(re.sub(r'`[^`]*`', '', line)):
            url = m.group(1)
            if re.match(r'^[a-z][a-z0-9+.-]*:', url, re.I):
                continue  # http:, https:, mailto:
            file_part, _, anchor = url.partition('#')
            target = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) if file_part else path
            if not os.path.exists(target):
                report(path, i + 1, f'links to {url}, but {os.path.relpath(target, ROOT)} does not exist')
                continue
            if anchor and target.endswith('.md'):
                if anchor not in {a for _, a in headings(target)}:
                    report(path, i + 1, f'links to {url}, but {os.path.relpath(target, ROOT)} has no heading '
                           f'with the id #{anchor}')


# --- 4: issue numbers in source files ----------------------------------------

ISSUE = re.compile(r'(?:(\S+)\s+)?\b((?:issues?|tickets?)\s*#?\s*\d+|PR\s*#?\s*\d+|pull request\s*#?\s*\d+)', re.I)


def check_issue_numbers(path, text):
    for i, line in enumerate(text.split('\n')):
        for m in ISSUE.finditer(line):
            before = (m.group(1) or '').strip('(,;:').lower()
            if before in OTHER_PROJECTS:
                continue
            if m.group(2)[:2] in ('pr', 'Pr'):
                continue  # only "PR" in capitals is a pull request
            report(path, i + 1, f'cites "{m.group(2)}" of an issue tracker outside the repository; '
                   'cite the docs/ page and section instead')


def scan(root):
    """Every problem under root, as 'FILE:LINE: what' lines."""
    global ROOT
    ROOT = root
    problems.clear()
    _headings.clear()
    this = os.path.abspath(__file__)
    for path in files():
        if os.path.abspath(path) == this:
            continue
        text = read(path)
        if text is None:
            continue
        check_citations(path, text)
        ext = os.path.splitext(path)[1]
        if ext == '.md':
            check_links(path, text)
        elif ext in CODE_EXT or os.path.basename(path) == 'CMakeLists.txt':
            check_issue_numbers(path, text)
    return list(problems)


def selftest():
    """The checks can fail: a small tree with one of each mistake (and the
    forms that are allowed) must give exactly the expected problems."""
    import tempfile
    q = chr(34)  # a double quote: keeps this file's own text free of citations
    tree = {
        'README.md': '# rcmap\n\n## Exit codes\n\n[ok](docs/a.md#the-section) [gone](docs/missing.md)\n'
                     '[bad anchor](docs/a.md#nowhere) [web](https://example.org/x.md) [top](#exit-codes)\n',
        'docs/a.md': '# Page A\n\n## The section\n\n## Person networks (`rcmap network`)\n\n'
                     '[back](../README.md#exit-codes) [lost](b.md)\n```\n[in code](nowhere.md)\n```\n',
        'src/x.cpp': '// see docs/' + 'a.md ' + q + 'The section' + q + ' and docs/' + 'b.md\n'
                     '// docs/' + 'a.md ' + q + 'Person' + '\n// networks' + q + ', Privacy\n'
                     '// README ' + q + 'Exit codes' + q + '; README ' + q + 'Method' + q + '\n'
                     '// Since iss' + 'ue 15 a row; (iss' + 'ue 3, ' + q + 'Graph' + q + '); Iss' + 'ue #12\n'
                     '// cf. igraph iss' + 'ue #2650; the issue is a score; #542788; UAX #15\n'
                     'const char* m = ' + q + 'see docs/' + 'a.md, \\' + q + 'Nowhere\\' + q + q + ';\n'
                     'const char* n = ' + q + '(README \\' + q + 'Exit codes\\' + q + ')' + q + ';\n',
        'tests/y.py': '# ticket 4\n',
    }
    expected = [
        'README.md:5: names docs/missing.md, which does not exist',
        'README.md:5: links to docs/missing.md, but docs/missing.md does not exist',
        'README.md:6: links to docs/a.md#nowhere, but docs/a.md has no heading with the id #nowhere',
        'docs/a.md:7: links to b.md, but docs/b.md does not exist',
        'src/x.cpp:1: names docs/b.md, which does not exist',
        'src/x.cpp:4: cites README ' + q + 'Method' + q + ', but README.md has no such heading',
        'src/x.cpp:5: cites ' + q + 'issue 15' + q,
        'src/x.cpp:5: cites ' + q + 'issue 3' + q,
        'src/x.cpp:5: cites ' + q + 'Issue #12' + q,
        'src/x.cpp:7: cites docs/a.md ' + q + 'Nowhere' + q + ', but docs/a.md has no such heading',
        'tests/y.py:1: cites ' + q + 'ticket 4' + q,
    ]
    with tempfile.TemporaryDirectory() as d:
        for name, text in tree.items():
            os.makedirs(os.path.join(d, os.path.dirname(name)), exist_ok=True)
            with open(os.path.join(d, name), 'w', encoding='utf-8') as fh:
                fh.write(text)
        got = scan(d)
    ok = len(got) == len(expected) and all(g.startswith(e) for g, e in zip(sorted(got), sorted(expected)))
    if not ok:
        print('docs_links.py --selftest: expected')
        print('\n'.join(sorted(expected)))
        print('got')
        print('\n'.join(sorted(got)))
        return 1
    print(f'docs_links.py --selftest: all {len(expected)} planted mistakes found, nothing else')
    return 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--selftest':
        return selftest()
    found = scan(ROOT)
    for p in found:
        print(p)
    if found:
        print(f'docs_links.py: {len(found)} broken documentation reference(s)', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
