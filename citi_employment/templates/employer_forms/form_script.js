// The employer forms' script (included inline by www/vacancy-request and www/employer-feedback).
// It sends the form to its whitelisted method and shows what came back: the refused fields (422) next to each
// field and in a summary that takes the focus, the rate-limit message (429), or the result. Every text comes
// from the page (#ce-form-messages, translated on the server) or from the server's answer, and is put in with
// textContent only: nothing the server or the visitor wrote is ever parsed as HTML into the page.
(function () {
	"use strict";
	var form = document.getElementById("ce-form");
	if (!form) {
		return;
	}
	var messages = JSON.parse(document.getElementById("ce-form-messages").textContent);
	var summary = document.getElementById("ce-error-summary");
	var summaryTitle = summary.querySelector(".ce-summary-title");
	var summaryList = summary.querySelector("ul");
	var result = document.getElementById("ce-result");
	var button = form.querySelector("button[type=submit]");

	function plainText(html) {
		// DOMParser builds an inert document: no script in it runs and nothing loads.
		return new DOMParser().parseFromString(String(html), "text/html").body.textContent.trim();
	}

	function serverMessage(body) {
		try {
			var list = JSON.parse(body._server_messages);
			var first = JSON.parse(list[0]);
			return plainText(first.message || "");
		} catch (error) {
			return "";
		}
	}

	function clearErrors() {
		form.querySelectorAll("[aria-invalid]").forEach(function (element) {
			element.removeAttribute("aria-invalid");
		});
		form.querySelectorAll(".ce-error").forEach(function (element) {
			element.textContent = "";
			element.hidden = true;
		});
		summaryList.textContent = "";
		summary.hidden = true;
	}

	function showSummary(title, items) {
		summaryTitle.textContent = title;
		summaryList.textContent = "";
		(items || []).forEach(function (item) {
			var entry = document.createElement("li");
			var link = document.createElement("a");
			link.href = "#ce-" + item.name;
			link.textContent = item.message;
			link.addEventListener("click", function (event) {
				var target = document.getElementById("ce-" + item.name);
				if (target) {
					event.preventDefault();
					target.focus();
				}
			});
			entry.appendChild(link);
			summaryList.appendChild(entry);
		});
		summary.hidden = false;
		summary.focus();
	}

	function showFieldErrors(errors) {
		var items = [];
		Object.keys(errors).forEach(function (name) {
			var field = form.querySelector('[data-field="' + name + '"]');
			var line = document.getElementById("ce-" + name + "-error");
			if (line) {
				line.textContent = errors[name];
				line.hidden = false;
			}
			if (field) {
				field.querySelectorAll("input, textarea, select").forEach(function (control) {
					control.setAttribute("aria-invalid", "true");
				});
				if (field.tagName === "FIELDSET") {
					field.setAttribute("aria-invalid", "true");
				}
			}
			items.push({ name: name, message: errors[name] });
		});
		showSummary(messages.invalid, items);
	}

	function showResult(reply) {
		form.hidden = true;
		summary.hidden = true;
		var text = result.querySelector(".ce-result-text");
		if (text && reply.number) {
			var template = reply.repeated
				? messages.repeated
				: reply.mailed === false
					? messages.received_unmailed
					: messages.received;
			var parts = template.split("{0}");
			text.textContent = parts[0];
			var number = document.createElement("strong");
			number.className = "ce-number";
			number.textContent = reply.number;
			text.appendChild(number);
			text.appendChild(document.createTextNode(parts.slice(1).join("{0}")));
		}
		result.hidden = false;
		result.focus();
	}

	form.addEventListener("submit", function (event) {
		event.preventDefault();
		clearErrors();
		button.disabled = true;
		button.textContent = messages.sending;
		var body = new URLSearchParams(new FormData(form));
		var token = (window.frappe && window.frappe.csrf_token) || "";
		fetch("/api/method/" + form.getAttribute("data-method"), {
			method: "POST",
			credentials: "same-origin",
			headers: {
				Accept: "application/json",
				"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8",
				"X-Frappe-CSRF-Token": token,
			},
			body: body,
		})
			.then(function (response) {
				return response
					.json()
					.catch(function () {
						return {};
					})
					.then(function (json) {
						return { status: response.status, body: json };
					});
			})
			.then(function (reply) {
				var message = reply.body.message;
				if (reply.status === 200 && message && message.ok) {
					showResult(message);
				} else if (reply.status === 422 && message && message.errors) {
					showFieldErrors(message.errors);
				} else if (reply.status === 429) {
					// The framework's own limit speaks the visitor's browser language; the page's text is Russian.
					var own = reply.body.exc_type === "TooManySubmissionsError" && serverMessage(reply.body);
					showSummary(own || messages.too_many);
				} else {
					showSummary(serverMessage(reply.body) || messages.failed);
				}
			})
			.catch(function () {
				showSummary(messages.network);
			})
			.finally(function () {
				button.disabled = false;
				button.textContent = messages.submit;
			});
	});
})();
