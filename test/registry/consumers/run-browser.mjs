// Runs the browser bundle (esbuild, browser conditions) in Debian's Chromium through playwright-core, and prints
// what deskSmoke() returned. Usage: node run-browser.mjs <bundle.js> <chromium path>. WebCrypto needs a secure
// context, so the page is served from 127.0.0.1 (about:blank is not one).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { chromium } from "playwright-core";

const [bundleFile, executablePath] = process.argv.slice(2);
const script = readFileSync(bundleFile, "utf8");
const server = createServer((request, response) => {
  const js = request.url === "/bundle.js";
  response.writeHead(200, { "content-type": js ? "text/javascript" : "text/html" });
  response.end(js ? script : '<!doctype html><title>desk</title><script src="/bundle.js"></script>');
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const browser = await chromium.launch({
  executablePath,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  console.log(await page.evaluate(() => globalThis.deskSmoke()));
} finally {
  await browser.close();
  server.close();
}
