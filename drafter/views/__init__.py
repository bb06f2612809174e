"""How results are shown: tables for people, JSON for programs."""
