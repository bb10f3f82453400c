"""Business rules as plain Python; this package must never import frappe."""
