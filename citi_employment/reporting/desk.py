"""The shapes the desk's query report expects for columns, summary cards and charts, so every report
writes them the same way (labels come translated from the caller)."""

from collections.abc import Sequence


def column(fieldname: str, label: str, fieldtype: str = "Int", width: int = 110, options: str | None = None):
	spec = {"fieldname": fieldname, "label": label, "fieldtype": fieldtype, "width": width}
	if options:
		spec["options"] = options
	return spec


def card(value, label: str, datatype: str = "Int", indicator: str | None = None) -> dict:
	spec = {"value": value, "label": label, "datatype": datatype}
	if indicator:
		spec["indicator"] = indicator
	return spec


def chart(
	labels: Sequence, datasets: Sequence[tuple[str, Sequence]], kind: str = "bar", stacked: bool = False
) -> dict | None:
	"""A frappe-charts chart of named series; None when there is nothing to draw."""
	if not labels or not datasets:
		return None
	spec = {
		"data": {
			"labels": [str(label) for label in labels],
			"datasets": [{"name": name, "values": list(values)} for name, values in datasets],
		},
		"type": kind,
	}
	if stacked:
		spec["barOptions"] = {"stacked": 1}
	return spec
