// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

// The filters the app's script reports share, written once. A report's script takes this file in with a
// Jinja-style include line naming this path; the framework renders the include when it serves the script
// (frappe.desk.query_report.get_script → render_include), so no asset build is needed. (This comment must not
// spell the include out: render_include would expand it here too.) Every report's script runs in the same
// page, so the helpers are assigned to a namespace, never declared again.
frappe.provide("citi_employment.report_filters");

Object.assign(citi_employment.report_filters, {
	// A filter of any type: `extra` adds default, options, reqd.
	field(fieldname, label, fieldtype, extra) {
		return Object.assign({ fieldname, label, fieldtype }, extra);
	},

	date(fieldname, label, default_value) {
		return this.field(fieldname, label, "Date", default_value ? { default: default_value } : {});
	},

	// The "from_date" and "to_date" pair; spread it into the filter list.
	period(from_label, to_label, from_default, to_default) {
		return [this.date("from_date", from_label, from_default), this.date("to_date", to_label, to_default)];
	},

	// The pair as the reports counted by period show it: from the start of this year to `to_default`.
	period_from_year_start(to_default) {
		return this.period(__("From Date"), __("To Date"), frappe.datetime.year_start(), to_default);
	},

	link(fieldname, label, doctype) {
		return this.field(fieldname, label, "Link", { options: doctype });
	},

	// `choices` maps each value to its translated label; `optional` puts an empty choice first.
	select(fieldname, label, choices, { default_value, optional } = {}) {
		const options = Object.entries(choices).map(([value, text]) => ({ value, label: text }));
		if (optional) {
			options.unshift({ value: "", label: "" });
		}
		return this.field(fieldname, label, "Select", default_value ? { options, default: default_value } : { options });
	},

	// What a report with several tables shows ("view"; the Python side reads the same values, and its default
	// is the first table too).
	view(choices) {
		return this.select("view", __("Show"), choices, { default_value: Object.keys(choices)[0] });
	},

	// How a report groups its periods (the Python side reads the same three values).
	granularity(default_value) {
		const choices = { Year: __("Year"), Quarter: __("Quarter"), Month: __("Month") };
		return this.select("granularity", __("Time Period"), choices, { default_value });
	},

	// The kinds of an employer's request (Vacancy Request «kind»).
	request_kind(label) {
		const choices = {
			Employment: __("Employment"),
			"Targeted Training": __("Targeted Training"),
			Practice: __("Practice"),
		};
		return this.select("kind", label, choices, { optional: true });
	},

	// The employer's region (Employer «region»).
	region() {
		const choices = {
			"Saint Petersburg": __("Saint Petersburg"),
			"Leningrad Oblast": __("Leningrad Oblast"),
			Other: __("Other"),
		};
		return this.select("region", __("Region", null, "Employer"), choices, { optional: true });
	},

	profession() {
		return this.link("profession", __("Profession"), "Profession");
	},
});
