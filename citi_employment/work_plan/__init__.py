"""The Center's work plan (Appendix №8, §5.1): its approval and locked content, and its execution by events."""
