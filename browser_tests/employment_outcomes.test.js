// The public page /employment-outcomes (§2.4) in headless Chromium: Russian, real table markup, the sample
// published figures with their small cells suppressed and nothing of the draft, readable at phone width,
// and no serious or critical axe-core violation. The sample is made first (README.md, "Sample data").
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { BASE_URL, DESKTOP, PHONE, launch, screenshot, checkAccessibility, summarise } = require("./lib/browser");

const PAGE = `${BASE_URL}/employment-outcomes`;
// citi_employment/tests/browser_data.py: the published sample year and the draft year that must not show.
const PUBLISHED_YEAR = "2098";
const DRAFT_YEAR = "2099";
const DRAFT_ONLY_PROFESSION = "Черновая профессия";

let browser;

before(async () => {
	browser = await launch();
});

after(async () => {
	await browser?.close();
});

async function openPage(viewport) {
	const context = await browser.newContext({ viewport, locale: "ru-RU" });
	const page = await context.newPage();
	const response = await page.goto(PAGE, { waitUntil: "load" });
	assert.equal(response.status(), 200, `GET ${PAGE}`);
	return { context, page };
}

test("the page is Russian and its tables are real tables", async () => {
	const { context, page } = await openPage(DESKTOP);
	try {
		assert.equal(await page.getAttribute("html", "lang"), "ru");
		assert.equal((await page.textContent("h1")).trim(), "Трудоустройство выпускников");
		const tables = await page.$$eval("table", (nodes) =>
			nodes.map((table) => ({
				caption: table.caption?.textContent.trim() || "",
				columnHeaders: [...table.querySelectorAll("thead th")].map((th) => th.getAttribute("scope")),
				rowHeaders: [...table.querySelectorAll("tbody th, tfoot th")].map((th) => th.getAttribute("scope")),
				dataCells: table.querySelectorAll("td").length,
			}))
		);
		assert.ok(tables.length >= 1, "no table on the page: was the sample published (README.md)?");
		for (const table of tables) {
			assert.match(table.caption, /^Выпускники \d{4} года по профессиям/);
			assert.ok(table.columnHeaders.length > 1 && table.columnHeaders.every((scope) => scope === "col"));
			assert.ok(table.rowHeaders.length > 1 && table.rowHeaders.every((scope) => scope === "row"));
			assert.ok(table.dataCells > 0);
		}
	} finally {
		await context.close();
	}
});

test("only the published sample is shown, small cells suppressed, no draft", async () => {
	const { context, page } = await openPage(DESKTOP);
	try {
		const text = await page.textContent("main");
		assert.ok(text.includes(`Выпуск ${PUBLISHED_YEAR} года`), "the published sample year is missing");
		assert.ok(!text.includes(`Выпуск ${DRAFT_YEAR} года`), "a draft report's year is shown");
		assert.ok(!text.includes(DRAFT_ONLY_PROFESSION), "a draft report's profession is shown");
		const table = page.locator(`#caption-${PUBLISHED_YEAR}`).locator("xpath=..");
		const cells = await table.locator("td").allTextContents();
		// Every figure is at least the minimum, or suppressed; the minimum itself is on the page.
		const minimum = Number((await page.textContent(".legend strong")).replace("<", ""));
		assert.ok(minimum >= 3, "the legend states the minimum");
		const small = await table.locator("td.small").count();
		const hidden = await table.locator("td.hidden").count();
		assert.ok(small > 0, "the sample has small cells: they must read «<N»");
		assert.ok(hidden > 0, "a small cell needs complementary hidden cells");
		for (const cell of cells) {
			const figure = cell.replace(/[^\d<×]/g, "");
			if (/^\d+$/.test(figure)) {
				assert.ok(Number(figure) === 0 || Number(figure) >= minimum, `figure ${figure} below ${minimum}`);
			}
		}
		// A screen reader hears what «<N» and «×» mean.
		assert.equal(await table.locator("td.small .visually-hidden").first().textContent(), `меньше ${minimum}`);
		assert.equal(await table.locator("td.hidden .visually-hidden").first().textContent(), "скрыто");
		// The chart has a text alternative naming the year.
		const description = await page.textContent("#chart-description");
		assert.ok(description.includes(`${PUBLISHED_YEAR} год`));
		await screenshot(page, "employment_outcomes_desktop");
	} finally {
		await context.close();
	}
});

test("at phone width nothing but the table scrolls sideways", async () => {
	const { context, page } = await openPage(PHONE);
	try {
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
		const region = page.locator(".table-scroll").first();
		assert.equal(await region.getAttribute("tabindex"), "0", "the scrolling table can be reached by keyboard");
		const fontSize = await page.$eval("td", (td) => parseFloat(getComputedStyle(td).fontSize));
		assert.ok(fontSize >= 14, `table text of ${fontSize}px is too small on a phone`);
		await screenshot(page, "employment_outcomes_phone");
		// Scrolled sideways, the profession column stays in view beside the suppressed cells.
		await region.evaluate((node) => {
			node.scrollLeft = node.scrollWidth;
			node.scrollIntoView();
		});
		const stuck = await region.locator("tbody th").first().evaluate((th) => th.getBoundingClientRect().left);
		const regionLeft = await region.evaluate((node) => node.getBoundingClientRect().left);
		assert.ok(Math.abs(stuck - regionLeft) <= 2, "the profession column scrolls away");
		await screenshot(page, "employment_outcomes_phone_scrolled", { fullPage: false });
	} finally {
		await context.close();
	}
});

for (const [label, viewport] of [
	["desktop", DESKTOP],
	["phone", PHONE],
]) {
	test(`axe-core finds no serious or critical violation (${label})`, async (t) => {
		const { context, page } = await openPage(viewport);
		try {
			const result = await checkAccessibility(page);
			t.diagnostic(summarise(label, result));
			assert.deepEqual(result.blocking, [], JSON.stringify(result.blocking, null, 2));
		} finally {
			await context.close();
		}
	});
}
