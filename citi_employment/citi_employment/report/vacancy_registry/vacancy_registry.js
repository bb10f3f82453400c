// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.query_reports["Vacancy Registry"] = {
	filters: [
		{
			fieldname: "kind",
			label: __("Kind"),
			fieldtype: "Select",
			options: [
				{ value: "", label: "" },
				{ value: "Employment", label: __("Employment") },
				{ value: "Targeted Training", label: __("Targeted Training") },
				{ value: "Practice", label: __("Practice") },
			],
		},
		{
			fieldname: "from_date",
			label: __("Expected Start From"),
			fieldtype: "Date",
		},
		{
			fieldname: "to_date",
			label: __("Expected Start To"),
			fieldtype: "Date",
		},
		{
			fieldname: "region",
			label: __("Region", null, "Employer"),
			fieldtype: "Select",
			options: [
				{ value: "", label: "" },
				{ value: "Saint Petersburg", label: __("Saint Petersburg") },
				{ value: "Leningrad Oblast", label: __("Leningrad Oblast") },
				{ value: "Other", label: __("Other") },
			],
		},
	],
};
