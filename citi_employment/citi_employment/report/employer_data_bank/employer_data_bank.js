// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.query_reports["Employer Data Bank"] = {
	filters: [
		{
			fieldname: "group_by",
			label: __("Grouping"),
			fieldtype: "Select",
			options: [
				{ value: "Employer", label: __("Employer") },
				{ value: "Region", label: __("Region", null, "Employer") },
				{ value: "Activity", label: __("Type of Activity") },
			],
			default: "Employer",
		},
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: [
				{ value: "", label: "" },
				{ value: "Potential", label: __("Potential") },
				{ value: "Active Partner", label: __("Active Partner") },
				{ value: "Inactive", label: __("Inactive") },
			],
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
		{
			fieldname: "activity",
			label: __("Type of Activity"),
			fieldtype: "Data",
		},
	],
};
