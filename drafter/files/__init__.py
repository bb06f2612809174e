"""Files on disk: decoding text the way Chinese offices save it, and writing outputs safely."""
