// Shared by the browser tests: the served site's address, a headless Chromium from Debian, screenshots and
// the axe-core accessibility check. Each page has its own *.test.js file next to this folder.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");

// The served site, e.g. http://d2.localhost:8000 (bench serve answers each site by its host name).
const BASE_URL = (process.env.CITI_BASE_URL || "http://localhost:8000").replace(/\/+$/, "");
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];
// Where screenshots go when asked for (unset: none are taken).
const SCREENSHOT_DIR = process.env.CITI_SCREENSHOT_DIR || "";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };

function launch() {
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

async function screenshot(page, name, { fullPage = true } = {}) {
	if (!SCREENSHOT_DIR) {
		return null;
	}
	fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const file = path.join(SCREENSHOT_DIR, `${name}.png`);
	await page.screenshot({ path: file, fullPage });
	return file;
}

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const BLOCKING_IMPACTS = new Set(["serious", "critical"]);

// Runs axe-core in the page (WCAG 2.x A and AA rules and best practices); returns all violations and the
// serious or critical ones, each with its rule, impact and the first offending elements.
async function checkAccessibility(page) {
	await page.addScriptTag({ content: AXE_SOURCE });
	const results = await page.evaluate(async () => {
		// eslint-disable-next-line no-undef
		const outcome = await axe.run(document, { resultTypes: ["violations", "passes"] });
		return {
			violations: outcome.violations.map((violation) => ({
				id: violation.id,
				impact: violation.impact,
				help: violation.help,
				nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
			})),
			passes: outcome.passes.length,
		};
	});
	return {
		...results,
		blocking: results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact)),
	};
}

function summarise(label, result) {
	const list = result.violations.map((violation) => `${violation.id} (${violation.impact})`).join(", ");
	return `axe ${label}: ${result.passes} rules passed, ${result.violations.length} violated${list ? `: ${list}` : ""}`;
}

module.exports = {
	BASE_URL,
	DESKTOP,
	PHONE,
	launch,
	screenshot,
	checkAccessibility,
	summarise,
};
