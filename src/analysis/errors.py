"""The workbook's exceptions: few, with messages a researcher understands."""
from __future__ import annotations

__all__ = ["AnalysisError", "SeedsNotFoundError", "InputRejected"]


class AnalysisError(Exception):
    """Base class for every error the workbook raises on purpose."""


class SeedsNotFoundError(AnalysisError, FileNotFoundError):
    """The seeds folder (or file) given to the loader does not exist."""


class InputRejected(AnalysisError):
    """One input file or record cannot be used; the message says why.

    The loader catches it and records the file in ``Corpus.rejected``; it never
    escapes ``load_corpus``.
    """
