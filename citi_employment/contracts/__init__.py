"""Employer contracts (§3.6, §5.4): registration numbers, the register book, the daily expiry job."""
