"""Audit of sensitive reads: who opened, printed or exported personal data, in the framework's Access Log."""
