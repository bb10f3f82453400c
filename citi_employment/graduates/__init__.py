"""Graduates: what prints and shows of a graduate, only to users who may read the graduate."""
