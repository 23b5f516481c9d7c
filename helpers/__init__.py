"""Dossier: turn a folder of news articles into sourced findings.

All logic of the notebooks and of ``python -m helpers`` lives in this package.
"""

__version__ = "0.1.0"
