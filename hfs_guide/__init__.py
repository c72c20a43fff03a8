"""hfs-guide: a calm, step-by-step guide to hemifacial spasm after microvascular decompression."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hfs-guide")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
