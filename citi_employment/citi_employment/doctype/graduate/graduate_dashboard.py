from frappe import _


def get_data():
	"""The Graduate's connections: placements and the monitoring checks that follow them (§6.2)."""
	return {
		"fieldname": "graduate",
		"transactions": [
			{"label": _("Employment"), "items": ["Graduate Placement", "Employment Monitoring Record"]},
		],
	}
