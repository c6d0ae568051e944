import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
for (const [name, path] of process.argv.slice(2).map((a) => a.split('='))) {
  const res = await page.goto(`http://127.0.0.1:8787${path}`);
  console.log(name, res.status());
  await page.screenshot({ path: `/tmp/${name}.png` });
}
await browser.close();
