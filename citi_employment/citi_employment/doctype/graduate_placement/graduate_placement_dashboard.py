from frappe import _


def get_data():
	"""The placement's monitoring checks at each checkpoint (§6.2)."""
	return {
		"fieldname": "placement",
		"transactions": [{"label": _("Monitoring"), "items": ["Employment Monitoring Record"]}],
	}
