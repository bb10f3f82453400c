"""The Center's paper forms: the Jinja helpers every form shares, and who may print what."""
