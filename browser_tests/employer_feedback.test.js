// The employer's answer at a monitoring checkpoint, /employer-feedback (issue 13 item 3), in headless
// Chromium: the page shows the graduate's name and position only, refuses a script tag by field, takes the
// answer once, and a used, expired, forged or misdirected link shows a page saying why; no serious or
// critical axe-core violation. The links are made first (README.md, "Employers' forms").
"use strict";

const fs = require("node:fs");
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { DESKTOP, PHONE, launch, screenshot, checkAccessibility, summarise } = require("./lib/browser");

const DATA_FILE = process.env.CITI_EMPLOYER_FORMS_DATA || "/tmp/citi_employer_forms.json";

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

async function openPage(viewport, url) {
	const context = await browser.newContext({ viewport, locale: "ru-RU" });
	const page = await context.newPage();
	const response = await page.goto(url, { waitUntil: "load" });
	return { context, page, response };
}

async function answerQuestions(page) {
	await page.check("#ce-still_working");
	await page.check("#ce-conditions_match");
	await page.check("#ce-special_workplace");
	await page.check("#ce-complaints-2");
	await page.check("#ce-satisfaction-4");
}

test("the page shows the graduate's name and position, nothing else of them", async () => {
	for (const [label, viewport] of [
		["desktop", DESKTOP],
		["phone", PHONE],
	]) {
		const { context, page, response } = await openPage(viewport, data.feedback.answer);
		try {
			assert.equal(response.status(), 200);
			assert.equal(await page.getAttribute("html", "lang"), "ru");
			assert.equal((await page.textContent("#ce-graduate-name")).trim(), data.graduate_name);
			assert.equal((await page.textContent("#ce-position")).trim(), data.position);
			const facts = await page.locator(".ce-facts dt").allTextContents();
			assert.deepEqual(
				facts.map((fact) => fact.trim()),
				["Выпускник", "Должность"]
			);
			assert.equal(await page.getAttribute('meta[name="robots"]', "content"), "noindex, nofollow");
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at ${label} width`);
			await screenshot(page, `employer_feedback_form_${label}`);
		} finally {
			await context.close();
		}
	}
});

test("axe-core finds no serious or critical violation on the feedback page", async (t) => {
	const { context, page } = await openPage(DESKTOP, data.feedback.answer);
	try {
		const result = await checkAccessibility(page);
		t.diagnostic(summarise("feedback form", result));
		assert.deepEqual(result.blocking, []);
	} finally {
		await context.close();
	}
});

test("missing answers and a script tag are refused by field, the link still works", async () => {
	const { context, page } = await openPage(DESKTOP, data.feedback.answer);
	try {
		await page.fill("#ce-training_quality", "<img src=x onerror=alert(1)>");
		await page.check("#ce-complaints");
		await page.click("button[type=submit]");
		await page.waitForSelector("#ce-error-summary:not([hidden])");
		assert.match(await page.textContent("#ce-still_working-error"), /Выберите один из предложенных ответов/);
		assert.match(await page.textContent("#ce-complaint_details-error"), /Заполните/);
		assert.match(await page.textContent("#ce-training_quality-error"), /HTML-разметку или скрипт/);
		assert.equal(await page.getAttribute("#ce-still_working-group", "aria-invalid"), "true");
		await screenshot(page, "employer_feedback_errors");
		const result = await checkAccessibility(page);
		assert.deepEqual(result.blocking, [], summarise("feedback errors", result));
	} finally {
		await context.close();
	}
});

test("the answer is taken once; the link then shows that it was used", async () => {
	const { context, page } = await openPage(PHONE, data.feedback.answer);
	try {
		await answerQuestions(page);
		await page.fill("#ce-training_quality", "Хорошо знает технологию приготовления");
		await page.click("button[type=submit]");
		await page.waitForSelector("#ce-result:not([hidden])");
		assert.match(await page.textContent("#ce-result"), /Спасибо/);
		await screenshot(page, "employer_feedback_thanks_phone");
	} finally {
		await context.close();
	}
	const again = await openPage(DESKTOP, data.feedback.answer);
	try {
		assert.equal(again.response.status(), 410);
		assert.match(await again.page.textContent(".ce-note"), /Ответ уже получен/);
		assert.equal(await again.page.locator("#ce-form").count(), 0);
		await screenshot(again.page, "employer_feedback_used");
	} finally {
		await again.context.close();
	}
});

test("used, expired, forged and misdirected links show a page and no form", async () => {
	const cases = [
		["used", data.feedback.used, 410, /Ответ уже получен/],
		["expired", data.feedback.expired, 410, /Срок действия ссылки истёк/],
		["forged", data.feedback.forged, 404, /Ссылка недействительна/],
		["other_record", data.feedback.other_record, 404, /Ссылка недействительна/],
	];
	for (const [label, url, status, text] of cases) {
		const { context, page, response } = await openPage(DESKTOP, url);
		try {
			assert.equal(response.status(), status, label);
			assert.match(await page.textContent(".ce-note"), text, label);
			assert.equal(await page.locator("#ce-form").count(), 0, label);
			assert.equal(await page.locator("#ce-graduate-name").count(), 0, label);
			await screenshot(page, `employer_feedback_${label}`);
		} finally {
			await context.close();
		}
	}
});
