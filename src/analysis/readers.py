"""Reading a seeds folder into raw documents and rejections.

Every file under the folder (recursively, in sorted order) ends up either as
one or more :class:`~analysis.corpus.RawDocument` or as a row
``(path, reason)`` in ``Corpus.rejected``: nothing vanishes silently.

Formats: see :mod:`analysis.formats` (``.txt``, ``.md``, ``.html``/``.htm``,
``.docx``, ``.pdf``, ``.jsonl``, ``.csv``/``.tsv``); encodings: :mod:`analysis.encoding`.

Folder rules:

* **Sidecar metadata** ``name.meta.yaml`` (or ``.meta.yml``) beside
  ``name.txt`` (any supported suffix) gives that file's metadata without
  touching its text. For a one-document file the sidecar wins over metadata
  inside the file (front matter, HTML head); for ``.jsonl``/``.csv`` it gives
  defaults that each record's own fields override. A sidecar may name an
  ``encoding`` (e.g. ``cp1251``) to use when the file is not UTF-8. A used
  sidecar is not a document; a sidecar with no article beside it is listed in
  ``rejected``; a broken sidecar is ignored with a warning on the document.
* **Hidden** files and folders (name starting with ``.``: ``.DS_Store``,
  ``.ipynb_checkpoints``, ``.git``) are not read; each gets one row in
  ``rejected`` (a hidden folder one row, not one per file inside).
* **README** files (``README``, ``README.md``, ``readme.txt``…) describe the
  folder, not an article: listed in ``rejected``.
* **Symlinks**: one pointing outside the seeds folder is not followed
  (rejected with a reason); a symlinked file inside the folder is read; a
  symlinked folder is not followed (its target is read directly, and this
  avoids loops); a broken link is rejected.
* **Size**: a one-document file over ``max_bytes`` (default
  :data:`DEFAULT_MAX_BYTES`, 50 MB) is rejected unread; ``.jsonl``/``.csv``
  files stream record by record, each record held to ``max_bytes``.

doc_id: the path relative to the folder without its suffix
(``2024/ansa_001``); when two files differ only by suffix (``a.txt`` and
``a.md``) both keep their suffix (``a.txt``, ``a.md``). A record's doc_id is
``<file without suffix>#<key>`` where key is its ``id`` field or the line
number where it starts (:mod:`analysis.formats.records`). Stable across runs
for the same folder; unique in the corpus.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Iterator, Sequence

from .corpus import RawDocument
from .encoding import decode_bytes
from .errors import InputRejected, SeedsNotFoundError
from .formats import CONVERT_HINTS, MULTI_RECORD_SUFFIXES, READERS, SUPPORTED_SUFFIXES, Extracted, Rejection
from .formats.base import clean_metadata
from .frontmatter import parse_yaml_mapping
from .paths import PROJECT_ROOT

__all__ = [
    "read_seeds", "plan_seeds", "read_file", "SeedPlan", "SeedFile", "iter_seed_files", "first_readable", "nothing_readable",
    "SIDECAR_SUFFIX", "SIDECAR_SUFFIXES", "DEFAULT_MAX_BYTES",
]

SIDECAR_SUFFIX = ".meta.yaml"
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")
#: Largest one-document file (and largest record) the loader reads: 50 MB.
DEFAULT_MAX_BYTES = 50_000_000
_MAX_SIDECAR_BYTES = 1_000_000


def _resolve(path: str | Path) -> Path:
    p = Path(path)
    if p.exists() or p.is_absolute():
        return p
    alt = PROJECT_ROOT / p
    return alt if alt.exists() else p


def iter_seed_files(root: Path) -> Iterator[tuple[Path, str, str | None]]:
    """``(file, relative posix path, rejection reason or None)`` for everything under ``root``.

    Walks without following symlinked folders; entries in sorted order.
    """
    real_root = root.resolve()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            rel = Path(folder).relative_to(root).as_posix()
            yield Path(folder), rel + "/", f"{rel}/: folder could not be read ({exc.strerror or exc})"
            continue
        subfolders = []
        for entry in entries:
            path = Path(entry.path)
            rel = path.relative_to(root).as_posix()
            if entry.name.startswith("."):
                kind = "folder" if entry.is_dir(follow_symlinks=False) else "file"
                shown = rel + "/" if kind == "folder" else rel
                yield path, shown, f"{shown}: hidden {kind}, not read"
            elif entry.is_symlink():
                yield path, rel, _symlink_problem(path, rel, real_root)
            elif entry.is_dir(follow_symlinks=False):
                subfolders.append(path)
            elif entry.is_file(follow_symlinks=False):
                yield path, rel, None
            else:
                yield path, rel, f"{rel}: not a regular file (device, pipe or socket)"
        stack.extend(reversed(subfolders))


def _symlink_problem(path: Path, rel: str, real_root: Path) -> str | None:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return f"{rel}: broken symlink (its target does not exist), not followed"
    if not target.is_relative_to(real_root):
        return f"{rel}: symlink to {target}, outside the seeds folder: not followed"
    if target.is_dir():
        return f"{rel}: symlink to a folder, not followed (the folder it points to is read directly)"
    if not target.is_file():
        return f"{rel}: symlink to something that is not a regular file, not followed"
    return None


def _sidecar_of(rel: str) -> str | None:
    for suffix in SIDECAR_SUFFIXES:
        if rel.lower().endswith(suffix):
            return rel[: -len(suffix)]
    return None


def _read_sidecar(file: Path, rel: str) -> tuple[dict[str, Any], list[str]]:
    try:
        if file.stat().st_size > _MAX_SIDECAR_BYTES:
            return {}, [f"sidecar {rel} is larger than 1 MB: ignored"]
        decoded = decode_bytes(file.read_bytes())
    except (OSError, InputRejected) as exc:
        return {}, [f"sidecar {rel} could not be read ({exc}): ignored"]
    meta, warning = parse_yaml_mapping(decoded.text, f"sidecar {rel}")
    return clean_metadata(meta), [warning] if warning else []


def _is_readme(name: str) -> bool:
    return name.lower().split(".", 1)[0] == "readme"


@dataclass(frozen=True)
class SeedFile:
    """One article file of a seeds folder, as :func:`read_file` reads it.

    ``rel`` is its path relative to the plan's base folder, ``base_id`` the
    doc_id it gets (records of a multi-record file get ``base_id#key``),
    ``sidecar`` the relative path of its metadata sidecar, or None.
    """

    rel: str
    base_id: str
    sidecar: str | None = None


@dataclass
class SeedPlan:
    """A seeds folder listed once (:func:`plan_seeds`).

    ``base`` is the folder the relative paths are taken from (the seeds
    folder, or its parent when the seeds path is one file); ``files`` the
    article files in reading order; ``rejected`` the ``(path, reason)`` rows
    decided while listing (hidden files, bad symlinks, unused sidecars).
    """

    base: Path
    files: list[SeedFile]
    rejected: list[tuple[str, str]]


def plan_seeds(path: str | Path) -> SeedPlan:
    """List ``path`` (a folder or one file) with the folder rules of the module docstring.

    The folder-level decisions (hidden files, symlinks, sidecars, doc_ids of
    files that differ only by suffix) need the whole listing; reading one file
    (:func:`read_file`) does not, so files can be read in any grouping.
    Raises :class:`SeedsNotFoundError` when ``path`` does not exist.
    """
    root = _resolve(path)
    if not root.exists():
        raise SeedsNotFoundError(f"{path}: no such seeds folder or file")
    listing: list[tuple[Path, str, str | None]]
    if root.is_file():
        listing = [(root, root.name, None)]
        base = root.parent
    else:
        listing = list(iter_seed_files(root))
        base = root
    rejected: list[tuple[str, str]] = []
    articles: list[str] = []
    sidecars: dict[str, str] = {}
    for _file, rel, problem in listing:
        if problem:
            rejected.append((rel, problem))
        elif (stem := _sidecar_of(rel)) is not None:
            sidecars[stem] = rel
        else:
            articles.append(rel)
    if root.is_file():  # a single file given directly: its sidecar sits beside it
        for suffix in SIDECAR_SUFFIXES:
            side = root.with_name(PurePosixPath(root.name).stem + suffix)
            if side.is_file():
                sidecars[PurePosixPath(root.name).stem] = side.name

    base_counts = Counter(_stem_of(rel) for rel in articles if PurePosixPath(rel).suffix.lower() in READERS)
    files: list[SeedFile] = []
    used: set[str] = set()
    for rel in articles:
        stem = _stem_of(rel)
        if stem in sidecars and not _is_readme(PurePosixPath(rel).name):
            used.add(stem)  # even when the article itself is rejected when read
        files.append(SeedFile(rel, stem if base_counts[stem] == 1 else rel, sidecars.get(stem)))
    for stem, rel in sorted(sidecars.items()):
        if stem not in used:
            rejected.append((rel, f"{rel}: metadata sidecar with no article beside it "
                                  f"(expected {PurePosixPath(stem).name}.txt/.md/...)"))
    return SeedPlan(base, files, rejected)


def _stem_of(rel: str) -> str:
    p = PurePosixPath(rel)
    return str(p.with_suffix("")) if p.suffix else rel


def read_file(
    base: str | Path, seed_file: SeedFile, *, max_bytes: int = DEFAULT_MAX_BYTES, used_ids: set[str] | None = None,
) -> tuple[list[RawDocument], list[tuple[str, str]]]:
    """Documents and ``(path, reason)`` rejections of one file of a :class:`SeedPlan`.

    ``base`` is the plan's base folder. ``used_ids`` collects the doc_ids
    given so far (pass the same set for files read together; a doc_id already
    in it gets a ``~2`` suffix and a warning). Bad data never raises: it is
    rejected with the reason.
    """
    base = Path(base)
    rel = seed_file.rel
    used_ids = set() if used_ids is None else used_ids
    suffix = PurePosixPath(rel).suffix.lower()
    if _is_readme(PurePosixPath(rel).name):
        return [], [(rel, f"{rel}: README file (notes about the folder), not read as an article")]
    reader = READERS.get(suffix)
    if reader is None:
        what = f"unsupported file type '{suffix}'" if suffix else "no file extension"
        hint = f"; {CONVERT_HINTS[suffix]}" if suffix in CONVERT_HINTS else ""
        return [], [(rel, f"{rel}: {what} (readable: {', '.join(SUPPORTED_SUFFIXES)}){hint}")]
    docs: list[RawDocument] = []
    rejected: list[tuple[str, str]] = []
    side_meta: dict[str, Any] = {}
    side_warnings: list[str] = []
    if seed_file.sidecar is not None:
        side_meta, side_warnings = _read_sidecar(base / seed_file.sidecar, seed_file.sidecar)
    declared_encoding = side_meta.pop("encoding", None)
    multi = suffix in MULTI_RECORD_SUFFIXES
    try:
        items = reader(base / rel, rel, max_bytes=max_bytes,
                       declared_encoding=str(declared_encoding) if declared_encoding else None)
        for item in items:
            if isinstance(item, Rejection):
                rejected.append((item.path, item.reason))
                continue
            docs.append(_raw_document(item, rel, seed_file.base_id, side_meta, side_warnings, multi, used_ids))
    except InputRejected as exc:
        rejected.append((rel, str(exc)))
    except OSError as exc:
        rejected.append((rel, f"{rel}: could not be read ({exc.strerror or exc})"))
    except Exception as exc:  # the loader's promise: bad data never raises out of load_corpus
        rejected.append((rel, f"{rel}: could not be read ({type(exc).__name__}: {exc})"))
    return docs, rejected


def read_seeds(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[RawDocument], list[tuple[str, str]], Path]:
    """All documents and rejections under ``path`` (a folder or one file).

    Returns ``(documents, rejected, root)``; see the module docstring for the
    rules. Raises :class:`SeedsNotFoundError` when ``path`` does not exist and
    ``ValueError`` for a ``max_bytes`` that is not a positive integer.
    :func:`plan_seeds` then :func:`read_file` on each file, in order.
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ValueError(f"max_bytes must be a positive number of bytes, got {max_bytes!r}")
    root = _resolve(path)
    plan = plan_seeds(path)
    docs: list[RawDocument] = []
    rejected = list(plan.rejected)
    used_ids: set[str] = set()
    for seed_file in plan.files:
        file_docs, file_rejected = read_file(plan.base, seed_file, max_bytes=max_bytes, used_ids=used_ids)
        docs.extend(file_docs)
        rejected.extend(file_rejected)
    rejected.sort(key=lambda r: r[0])
    return docs, rejected, root


def _raw_document(
    item: Extracted, rel: str, base_id: str, side_meta: dict[str, Any], side_warnings: list[str],
    multi: bool, used_ids: set[str],
) -> RawDocument:
    if multi:
        meta = {**side_meta, **item.metadata}
        doc_id = f"{base_id}#{item.key}"
    else:
        meta = {**item.metadata, **side_meta}
        doc_id = base_id
    warnings = list(side_warnings) + list(item.warnings)
    if doc_id in used_ids:
        n = 2
        while f"{doc_id}~{n}" in used_ids:
            n += 1
        warnings.append(f"doc_id {doc_id!r} was already taken: this document is {doc_id}~{n}")
        doc_id = f"{doc_id}~{n}"
    used_ids.add(doc_id)
    return RawDocument(doc_id, rel, item.text, meta, encoding=item.encoding, warnings=warnings)


def first_readable(path: str | Path) -> tuple[bool, list[tuple[str, str]]]:
    """``(True, [])`` as soon as one file under ``path`` gives a document; else ``(False, every rejection)``.

    Reads files in order and stops at the first document, so checking a large
    folder costs one file. Raises :class:`SeedsNotFoundError` when ``path``
    does not exist.
    """
    plan = plan_seeds(path)
    rejected = list(plan.rejected)
    for seed_file in plan.files:
        docs, file_rejected = read_file(plan.base, seed_file)
        if docs:
            return True, []
        rejected.extend(file_rejected)
    return False, sorted(rejected, key=lambda r: r[0])


def nothing_readable(folder: str, rejected: Sequence[tuple[str, str]] | int) -> str:
    """The one sentence that says why ``folder`` gave no article (``rejected``: its rows, or their number)."""
    n = rejected if isinstance(rejected, int) else len(rejected)
    if n == 0:
        return (f"No article in {folder}: the folder is empty. Put articles in it as "
                f"{', '.join(SUPPORTED_SUFFIXES[:-1])} or {SUPPORTED_SUFFIXES[-1]} files.")
    if n == 1:
        return f"No article could be read from {folder}: its one file was rejected, for the reason listed."
    return f"No article could be read from {folder}: all {n:,} files and records were rejected, each for the reason listed."
