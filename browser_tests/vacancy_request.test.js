// The employer's online «Заявка» at /vacancy-request (issue 13 item 2) in headless Chromium: Russian and
// labelled, its error states (missing fields, a wrong ИНН check digit, a script tag, an oversized field, no
// consent), a request accepted with its number, the Center's link for a known employer, no serious or
// critical axe-core violation, and the same request sent 50 times in a minute ending in the rate-limit page.
// The data is made first (README.md, "Employers' forms"); the flood test runs last, as tests in a file do.
"use strict";

const fs = require("node:fs");
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { BASE_URL, DESKTOP, PHONE, launch, screenshot, checkAccessibility, summarise } = require("./lib/browser");

const PAGE = `${BASE_URL}/vacancy-request`;
const METHOD = "/api/method/citi_employment.employer_forms.vacancy_request.submit";
const DATA_FILE = process.env.CITI_EMPLOYER_FORMS_DATA || "/tmp/citi_employer_forms.json";
// A unique job title per run: the form takes an identical request once a day.
const RUN = Date.now().toString(36);

let browser;
let data;

before(async () => {
	assert.ok(fs.existsSync(DATA_FILE), `${DATA_FILE} is missing: run the data step of README.md first`);
	data = JSON.parse(fs.readFileSync(DATA_FILE, "utf8"));
	browser = await launch();
});

after(async () => {
	await browser?.close();
});

async function openPage(viewport, url = PAGE) {
	const context = await browser.newContext({ viewport, locale: "en-US" });
	const page = await context.newPage();
	const response = await page.goto(url, { waitUntil: "load" });
	return { context, page, response };
}

// A valid 10-digit ИНН (region 47) with its check digit, different on every call.
function organisationInn() {
	const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
	const body = "47" + String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
	const sum = [...body].reduce((total, digit, index) => total + Number(digit) * weights[index], 0);
	return body + String((sum % 11) % 10);
}

async function fillValid(page, changes = {}) {
	const values = {
		"#ce-employer_full_name": "Общество с ограниченной ответственностью «Браузерная столовая»",
		"#ce-inn": organisationInn(),
		"#ce-employer_phone": "+7 812 555-01-02",
		"#ce-position": `Помощник повара ${RUN}`,
		"#ce-positions_count": "2",
		"#ce-salary": "45 000",
		"#ce-age_requirement": "от 18 лет",
		"#ce-contact_person": "Петрова Анна Сергеевна",
		"#ce-contact_phone": "+7 921 123-45-67",
		"#ce-contact_email": "hr@browser-stolovaya.invalid",
		...changes,
	};
	for (const [selector, value] of Object.entries(values)) {
		if (await page.locator(selector).count()) {
			await page.fill(selector, value);
		}
	}
}

async function submitAndWaitForErrors(page) {
	await page.click("button[type=submit]");
	await page.waitForSelector("#ce-error-summary:not([hidden])");
}

async function fieldError(page, name) {
	return (await page.textContent(`#ce-${name}-error`)).trim();
}

test("the form is Russian, every control is labelled, and it fits a phone", async () => {
	for (const [label, viewport] of [
		["desktop", DESKTOP],
		["phone", PHONE],
	]) {
		const { context, page, response } = await openPage(viewport);
		try {
			assert.equal(response.status(), 200);
			// The visitor's browser asks for English; the Center's form stays Russian.
			assert.equal(await page.getAttribute("html", "lang"), "ru");
			assert.equal((await page.textContent("h1")).trim(), "Заявка о потребности в работниках");
			const unlabelled = await page.$$eval("#ce-form input:not([type=hidden]), #ce-form textarea", (controls) =>
				controls
					.filter((control) => !control.closest(".ce-trap"))
					.filter((control) => !document.querySelector(`label[for="${control.id}"]`))
					.map((control) => control.name)
			);
			assert.deepEqual(unlabelled, []);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at ${label} width`);
			await screenshot(page, `vacancy_request_form_${label}`);
		} finally {
			await context.close();
		}
	}
});

test("an empty form names every required field and focuses the summary", async () => {
	const { context, page } = await openPage(DESKTOP);
	try {
		await submitAndWaitForErrors(page);
		assert.equal(await page.evaluate(() => document.activeElement.id), "ce-error-summary");
		const items = await page.locator("#ce-error-summary li").allTextContents();
		assert.ok(items.some((item) => item.includes("Полное наименование предприятия")));
		assert.match(await fieldError(page, "inn"), /Заполните поле «ИНН предприятия»/);
		assert.match(await fieldError(page, "consent"), /Без этого согласия/);
		assert.equal(await page.getAttribute("#ce-inn", "aria-invalid"), "true");
		await screenshot(page, "vacancy_request_errors_empty");
		// The summary's link takes the keyboard to the field.
		await page.locator("#ce-error-summary a", { hasText: "ИНН предприятия" }).click();
		assert.equal(await page.evaluate(() => document.activeElement.id), "ce-inn");
	} finally {
		await context.close();
	}
});

test("a wrong INN check digit, a script tag, SQL and an unticked consent are refused by field", async () => {
	const { context, page } = await openPage(DESKTOP);
	try {
		await fillValid(page, {
			"#ce-inn": "7707083894",
			"#ce-position": "<script>alert(1)</script>",
			"#ce-comment": "'; DROP TABLE `tabEmployer`; --",
		});
		const dialogs = [];
		page.on("dialog", (dialog) => {
			dialogs.push(dialog.message());
			dialog.dismiss();
		});
		await submitAndWaitForErrors(page);
		assert.match(await fieldError(page, "inn"), /неверное контрольное число/);
		assert.match(await fieldError(page, "position"), /HTML-разметку или скрипт/);
		assert.match(await fieldError(page, "consent"), /отметьте/);
		// The SQL fragment is text, not an error; nothing ran in the page.
		assert.equal(await fieldError(page, "comment"), "");
		assert.deepEqual(dialogs, []);
		assert.equal(await page.locator("script", { hasText: "alert(1)" }).count(), 0);
		await screenshot(page, "vacancy_request_errors_inn_script_consent");
	} finally {
		await context.close();
	}
});

test("an oversized field is refused even when the browser's limit is removed", async () => {
	const { context, page } = await openPage(PHONE);
	try {
		await fillValid(page);
		await page.check("#ce-consent");
		await page.evaluate(() => document.querySelector("#ce-position").removeAttribute("maxlength"));
		await page.fill("#ce-position", "П".repeat(5000));
		await submitAndWaitForErrors(page);
		assert.match(await fieldError(page, "position"), /слишком длинное/);
		await page.locator("#ce-error-summary").scrollIntoViewIfNeeded();
		await screenshot(page, "vacancy_request_errors_oversized_phone");
	} finally {
		await context.close();
	}
});

test("axe-core finds no serious or critical violation on the form and its error state", async (t) => {
	const { context, page } = await openPage(DESKTOP);
	try {
		const form = await checkAccessibility(page);
		t.diagnostic(summarise("vacancy form", form));
		await submitAndWaitForErrors(page);
		const errors = await checkAccessibility(page);
		t.diagnostic(summarise("vacancy form with errors", errors));
		assert.deepEqual(form.blocking, []);
		assert.deepEqual(errors.blocking, []);
	} finally {
		await context.close();
	}
});

test("a valid request is accepted and its number shown", async () => {
	const { context, page } = await openPage(DESKTOP);
	try {
		await fillValid(page);
		await page.check("#ce-consent");
		await page.click("button[type=submit]");
		await page.waitForSelector("#ce-result:not([hidden])");
		const number = (await page.textContent("#ce-result .ce-number")).trim();
		assert.match(number, /^VR-\d{4}-\d{5}$/);
		assert.equal(await page.evaluate(() => document.activeElement.id), "ce-result");
		assert.ok(await page.locator("#ce-form").isHidden());
		await screenshot(page, "vacancy_request_accepted");
	} finally {
		await context.close();
	}
});

test("the Center's link names the employer and asks no header", async () => {
	const { context, page } = await openPage(PHONE, data.employer_link);
	try {
		const note = await page.textContent(".ce-note");
		assert.ok(note.includes(data.employer_name), "the employer's short name is shown");
		assert.equal(await page.locator("#ce-inn").count(), 0);
		assert.equal(await page.locator("#ce-employer_full_name").count(), 0);
		await screenshot(page, "vacancy_request_employer_link_phone");
		await fillValid(page, { "#ce-position": `Кухонный работник ${RUN}` });
		await page.check("#ce-consent");
		await page.click("button[type=submit]");
		await page.waitForSelector("#ce-result:not([hidden])");
	} finally {
		await context.close();
	}
	const forged = data.employer_link.replace(/.$/, (last) => (last === "A" ? "B" : "A"));
	const refused = await openPage(DESKTOP, forged);
	try {
		assert.equal(await refused.page.locator("#ce-inn").count(), 1, "a forged link gets the full form");
		assert.match(await refused.page.textContent(".ce-note"), /недействительна/);
	} finally {
		await refused.context.close();
	}
});

test("the same request 50 times in a minute: one is kept, then the rate-limit page", async () => {
	const { context, page } = await openPage(DESKTOP);
	try {
		const statuses = await page.evaluate(
			async ({ method, inn, run }) => {
				const body = new URLSearchParams({
					employer_full_name: "ООО «Поток»",
					inn,
					position: `Поток ${run}`,
					positions_count: "1",
					contact_person: "Поток Иван",
					contact_phone: "+7 921 000-00-00",
					contact_email: "flood@example.invalid",
					consent: "1",
				});
				const replies = [];
				for (let i = 0; i < 50; i++) {
					const response = await fetch(method, {
						method: "POST",
						headers: { Accept: "application/json" },
						body,
					});
					const json = await response.json().catch(() => ({}));
					replies.push({ status: response.status, number: json.message?.number || null });
				}
				return replies;
			},
			{ method: METHOD, inn: organisationInn(), run: RUN }
		);
		const numbers = new Set(statuses.map((reply) => reply.number).filter(Boolean));
		assert.equal(numbers.size, 1, "one request is kept, the repeats get its number");
		assert.ok(statuses.some((reply) => reply.status === 429), "the flood meets the rate limit");
		assert.ok(statuses.every((reply) => [200, 429].includes(reply.status)), "no other answer, no 500");
		// Sending the form now shows the rate-limit message in the page.
		await fillValid(page);
		await page.check("#ce-consent");
		await submitAndWaitForErrors(page);
		assert.match(await page.textContent("#ce-error-summary"), /слишком много/);
		await screenshot(page, "vacancy_request_rate_limited_message");
	} finally {
		await context.close();
	}
	const blocked = await openPage(PHONE);
	try {
		assert.equal(blocked.response.status(), 429);
		assert.match(await blocked.page.textContent("main"), /Слишком много запросов/);
		assert.equal(await blocked.page.locator("#ce-form").count(), 0);
		await screenshot(blocked.page, "vacancy_request_rate_limited_page_phone");
	} finally {
		await blocked.context.close();
	}
});
