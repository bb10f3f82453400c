"""Scheduler entry points (hooks.py ``scheduler_events``); each reads in batches and stays short."""
