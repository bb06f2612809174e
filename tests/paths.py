"""Where the repository's data lives, for tests (importable as ``paths``:
pytest puts this folder on sys.path, and the checkout itself stays off it so
the tests exercise the installed package)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
