#!/usr/bin/env bash
# Render everything a person should look at after changing charts or the report, from a
# fresh run of the default scenario:
#
#   scripts/render-examples.sh [dir]     (default: out/examples)
#
#   dir/default-seed1/            the run: data, charts/*.png, report.html
#   dir/greyscale/*.png           each chart in greyscale (does it still read?)
#   dir/screenshots/report-NN.png report.html in headless Chromium, one 1280x800 screen each
#   dir/explain.txt               `coalsim explain` of the same run
#
# Needs a build (done here), node-canvas for the PNGs, and /usr/bin/chromium for screenshots
# (scripts/install.sh --dev); without Chromium the screenshots are skipped with a note.
set -euo pipefail
cd "$(dirname "$0")/.."

dest=${1:-out/examples}
run="$dest/default-seed1"
mkdir -p "$dest"

npm run -s build
node bin/coalsim.js run --seed 1 --out "$run" --force > "$dest/summary.txt"
node bin/coalsim.js explain "$run" > "$dest/explain.txt"
echo "render-examples: run in $run ($(ls "$run/charts" 2>/dev/null | wc -l) charts)"

# Greyscale copies: luminance of each pixel, drawn with node-canvas.
if [ -d "$run/charts" ]; then
  node - "$run/charts" "$dest/greyscale" <<'EOF'
const fs = require('node:fs');
const path = require('node:path');
const { createCanvas, loadImage } = require('canvas');
const [src, out] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
(async () => {
  for (const name of fs.readdirSync(src).filter((n) => n.endsWith('.png')).sort()) {
    const img = await loadImage(path.join(src, name));
    const c = createCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height);
    const d = data.data;
    for (let i = 0; i < d.length; i += 4) {
      const y = Math.round(0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]);
      d[i] = d[i + 1] = d[i + 2] = y;
    }
    ctx.putImageData(data, 0, 0);
    fs.writeFileSync(path.join(out, name), c.toBuffer('image/png'));
  }
  console.log(`render-examples: greyscale copies in ${out}`);
})();
EOF
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "render-examples: /usr/bin/chromium not found, no screenshots (scripts/install.sh --dev installs it)"
  exit 0
fi

node - "$run/report.html" "$dest/screenshots" <<'EOF'
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');
const [file, out] = process.argv.slice(2);
(async () => {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'coalsim-shots-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const ctx = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args, viewport: { width: 1280, height: 800 } });
  try {
    const page = await ctx.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`network request: ${r.url()}`));
    await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
    const height = await page.evaluate(() => document.body.scrollHeight);
    let n = 0;
    for (let y = 0; y < height; y += 800, n++) {
      const name = path.join(out, `report-${String(n).padStart(2, '0')}.png`);
      await page.screenshot({ path: name, fullPage: true, clip: { x: 0, y, width: 1280, height: Math.min(800, height - y) } });
    }
    console.log(`render-examples: ${n} screenshots of report.html in ${out}${problems.length ? `; PROBLEMS: ${problems.join(' | ')}` : ''}`);
    if (problems.length) process.exitCode = 1;
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
})();
EOF
