import { readFileSync, readdirSync } from 'node:fs';
import { extractHtmlArticle } from '/work/wt-19/src/ingest/html.js';
const dir = '/work/wt-19/.bench/ingest/html';
const pages = readdirSync(dir).slice(0, 100).map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let round = 0; round < 4; round++) {
  const t = cpu(); for (const p of pages) extractHtmlArticle(p, { minChars: 200 }); const all = cpu() - t;
  console.log(`per page ms: ${(all / 100).toFixed(2)}`);
}
