/**
 * Placeholder pictures bundled with the setup, for previewing an image project before it has any task:
 * a street scene (things to outline) and a receipt (things to transcribe). Drawn as SVG and passed as
 * data URLs, so they load without a request and never depend on the server's files.
 */

const PHOTO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="640" viewBox="0 0 960 640">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8ec5e8"/><stop offset="1" stop-color="#dcefff"/></linearGradient></defs>
<rect width="960" height="640" fill="url(#sky)"/>
<circle cx="800" cy="110" r="54" fill="#ffd36b"/>
<path d="M0 360 Q180 270 380 340 T760 320 T960 330 V640 H0Z" fill="#9bc98a"/>
<path d="M0 430 Q240 380 520 420 T960 410 V640 H0Z" fill="#7fb36f"/>
<rect x="0" y="500" width="960" height="140" fill="#6b6f73"/>
<rect x="0" y="560" width="960" height="8" fill="#e8e8e8" stroke-dasharray="40 30" stroke="#e8e8e8"/>
<rect x="140" y="300" width="220" height="180" fill="#f1e3c8" stroke="#8a6d46" stroke-width="4"/>
<path d="M120 305 L250 210 L380 305Z" fill="#b5533c"/>
<rect x="225" y="390" width="50" height="90" fill="#7a4b2a"/>
<rect x="165" y="335" width="45" height="40" fill="#bfe0f5" stroke="#8a6d46" stroke-width="3"/>
<rect x="295" y="335" width="45" height="40" fill="#bfe0f5" stroke="#8a6d46" stroke-width="3"/>
<rect x="600" y="330" width="26" height="150" fill="#7a5233"/>
<circle cx="613" cy="300" r="70" fill="#4f8f45"/>
<circle cx="570" cy="330" r="45" fill="#5a9c4f"/>
<circle cx="660" cy="330" r="48" fill="#5a9c4f"/>
<g transform="translate(470 500)"><rect x="0" y="-60" width="230" height="60" rx="14" fill="#d2453a"/><path d="M40 -60 L75 -105 H160 L195 -60Z" fill="#d2453a"/><path d="M82 -98 H122 V-64 H55Z M130 -98 H155 L185 -64 H130Z" fill="#cfe8f7"/><circle cx="50" cy="0" r="24" fill="#222"/><circle cx="180" cy="0" r="24" fill="#222"/><circle cx="50" cy="0" r="10" fill="#999"/><circle cx="180" cy="0" r="10" fill="#999"/></g>
<g transform="translate(820 400)" fill="#2f3b4c"><circle cx="0" cy="0" r="16" fill="#e0b48c"/><rect x="-16" y="18" width="32" height="70" rx="10"/><rect x="-14" y="86" width="11" height="56"/><rect x="3" y="86" width="11" height="56"/></g>
<text x="24" y="622" font-family="sans-serif" font-size="18" fill="#ffffff" opacity="0.85">Sample image: your tasks' own images appear here</text>
</svg>`;

const DOCUMENT_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="960" viewBox="0 0 720 960">
<rect width="720" height="960" fill="#e9ecef"/>
<rect x="60" y="40" width="600" height="880" fill="#ffffff" stroke="#c8ccd0"/>
<g font-family="monospace" fill="#222">
<text x="100" y="120" font-size="34" font-weight="bold">CORNER CAFÉ</text>
<text x="100" y="160" font-size="20">12 Harbour Street, Leith</text>
<text x="100" y="190" font-size="20">Receipt 000184 · 2024-05-14 09:41</text>
<line x1="100" y1="220" x2="620" y2="220" stroke="#999" stroke-dasharray="6 6"/>
<text x="100" y="270" font-size="22">2 x Flat white</text><text x="620" y="270" font-size="22" text-anchor="end">7.00</text>
<text x="100" y="310" font-size="22">1 x Croissant</text><text x="620" y="310" font-size="22" text-anchor="end">2.80</text>
<text x="100" y="350" font-size="22">1 x Orange juice</text><text x="620" y="350" font-size="22" text-anchor="end">3.20</text>
<line x1="100" y1="390" x2="620" y2="390" stroke="#999" stroke-dasharray="6 6"/>
<text x="100" y="440" font-size="26" font-weight="bold">TOTAL</text><text x="620" y="440" font-size="26" font-weight="bold" text-anchor="end">13.00</text>
<text x="100" y="490" font-size="20">Paid by card ···· 4421</text>
<text x="100" y="560" font-size="20">Thank you, see you soon!</text>
</g>
<text x="80" y="900" font-family="sans-serif" font-size="16" fill="#666">Sample document: your tasks' own documents appear here</text>
</svg>`;

function dataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A sample photo of a street scene (a house, a tree, a car, a person). */
export const SAMPLE_PHOTO_URL = dataUrl(PHOTO_SVG);

/** A sample scanned receipt. */
export const SAMPLE_DOCUMENT_URL = dataUrl(DOCUMENT_SVG);
