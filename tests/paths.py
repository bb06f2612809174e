"""Where the repository's data lives, for tests (importable as ``paths``:
pytest puts this folder on sys.path, and the checkout itself stays off it so
the tests exercise the installed package)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def seed_file(prefix: str) -> Path:
    """The seed report whose file name starts with ``prefix`` (e.g. "000")."""
    return next(p for p in SEEDS if p.name.startswith(prefix))
