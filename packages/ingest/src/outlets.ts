import type { DraftSource, SourceKind } from './types.js';

interface KnownSource {
  name: string;
  kind: SourceKind;
  domains: string[];
  aliases: string[];
  /** aliases that only count when the outlet's full name (or a plain alias) also appears in the article */
  contextAliases?: string[];
}

const o = (name: string, domains: string[], aliases: string[] = [], extra: Partial<KnownSource> = {}): KnownSource => ({
  name,
  kind: 'OUTLET',
  domains,
  aliases,
  ...extra,
});
const wire = (name: string, domains: string[], aliases: string[] = []): KnownSource =>
  o(name, domains, aliases, { kind: 'WIRE_AGENCY' });
const photo = (name: string, domains: string[], aliases: string[] = []): KnownSource =>
  o(name, domains, aliases, { kind: 'PHOTO_AGENCY' });

/** Known news outlets, wire and photo agencies: name, domains, aliases. */
export const KNOWN_OUTLETS: readonly KnownSource[] = [
  o('The Moscow Times', ['themoscowtimes.com'], ['Moscow Times']),
  wire('Reuters', ['reuters.com'], ['Thomson Reuters']),
  wire('Associated Press', ['apnews.com', 'ap.org'], ['AP', 'The Associated Press']),
  wire('Agence France-Presse', ['afp.com'], ['AFP', 'Agence France Presse']),
  wire('TASS', ['tass.com', 'tass.ru'], ['ITAR-TASS']),
  wire('Interfax', ['interfax.ru', 'interfax.com'], []),
  wire('RIA Novosti', ['ria.ru'], ['RIA']),
  wire('Xinhua', ['xinhuanet.com', 'news.cn'], ['Xinhua News Agency']),
  wire('Ukrinform', ['ukrinform.net', 'ukrinform.ua'], []),
  wire('Anadolu Agency', ['aa.com.tr'], ['Anadolu']),
  wire('dpa', ['dpa.com'], ['Deutsche Presse-Agentur']),
  wire('EFE', ['efe.com'], ['Agencia EFE']),
  o('Bloomberg', ['bloomberg.com'], ['Bloomberg News']),
  o('Financial Times', ['ft.com'], ['FT', 'The Financial Times']),
  o('The Wall Street Journal', ['wsj.com'], ['Wall Street Journal', 'WSJ'], { contextAliases: ['The Journal'] }),
  o('The New York Times', ['nytimes.com'], ['New York Times', 'NYT']),
  o('The Washington Post', ['washingtonpost.com'], ['Washington Post']),
  o('The Guardian', ['theguardian.com'], ['Guardian']),
  o('BBC', ['bbc.co.uk', 'bbc.com'], ['BBC News']),
  o('CNN', ['cnn.com'], []),
  o('Politico', ['politico.com', 'politico.eu'], ['POLITICO']),
  o('Axios', ['axios.com'], []),
  o('Meduza', ['meduza.io'], []),
  o('Kommersant', ['kommersant.ru'], []),
  o('RBC', ['rbc.ru'], ['RBK']),
  o('Vedomosti', ['vedomosti.ru'], []),
  o('Novaya Gazeta', ['novayagazeta.ru', 'novayagazeta.eu'], []),
  o('Izvestia', ['iz.ru'], []),
  o('The Bell', ['thebell.io'], []),
  o('The Insider', ['theins.ru'], []),
  o('The Kyiv Independent', ['kyivindependent.com'], ['Kyiv Independent']),
  o('Ukrainska Pravda', ['pravda.com.ua'], []),
  o('The Economist', ['economist.com'], ['Economist']),
  o('Al Jazeera', ['aljazeera.com'], []),
  o('NBC News', ['nbcnews.com'], ['NBC']),
  o('CBS News', ['cbsnews.com'], ['CBS']),
  o('ABC News', ['abcnews.go.com'], []),
  o('Fox News', ['foxnews.com'], []),
  o('NPR', ['npr.org'], ['National Public Radio']),
  o('Der Spiegel', ['spiegel.de'], ['Spiegel']),
  o('Le Monde', ['lemonde.fr'], []),
  o('Deutsche Welle', ['dw.com'], ['DW']),
  o('Radio Free Europe/Radio Liberty', ['rferl.org'], ['RFE/RL', 'Radio Liberty']),
  o('The Telegraph', ['telegraph.co.uk'], []),
  o('Semafor', ['semafor.com'], []),
  photo('Getty Images', ['gettyimages.com'], ['Getty']),
  photo('EPA', ['epa.eu'], ['EPA-EFE', 'European Pressphoto Agency']),
  photo('Shutterstock', ['shutterstock.com'], []),
  photo('Alamy', ['alamy.com'], []),
  photo('ZUMA Press', ['zumapress.com'], ['ZUMA', 'Zuma Press']),
  photo('Sipa', ['sipa.com'], ['SIPA']),
];

/** Research bodies, international organizations and governments that speak in news copy. */
export const KNOWN_BODIES: readonly KnownSource[] = [
  { name: 'Kremlin', kind: 'GOVERNMENT', domains: ['kremlin.ru'], aliases: ['the Kremlin'] },
  { name: 'White House', kind: 'GOVERNMENT', domains: ['whitehouse.gov'], aliases: ['the White House'] },
  { name: 'Pentagon', kind: 'GOVERNMENT', domains: ['defense.gov'], aliases: ['the Pentagon'] },
  { name: 'U.S. State Department', kind: 'GOVERNMENT', domains: ['state.gov'], aliases: ['State Department'] },
  { name: 'Russian Foreign Ministry', kind: 'GOVERNMENT', domains: ['mid.ru'], aliases: [] },
  { name: 'Institute for the Study of War', kind: 'ORGANIZATION', domains: ['understandingwar.org'], aliases: ['ISW'] },
  { name: 'RAND Corporation', kind: 'ORGANIZATION', domains: ['rand.org'], aliases: ['RAND'] },
  { name: 'Chatham House', kind: 'ORGANIZATION', domains: ['chathamhouse.org'], aliases: [] },
  {
    name: 'Carnegie Endowment for International Peace',
    kind: 'ORGANIZATION',
    domains: ['carnegieendowment.org'],
    aliases: ['Carnegie'],
  },
  { name: 'Levada Center', kind: 'ORGANIZATION', domains: ['levada.ru'], aliases: ['Levada'] },
  { name: 'Amnesty International', kind: 'ORGANIZATION', domains: ['amnesty.org'], aliases: [] },
  { name: 'Human Rights Watch', kind: 'ORGANIZATION', domains: ['hrw.org'], aliases: [] },
  { name: 'United Nations', kind: 'ORGANIZATION', domains: ['un.org'], aliases: ['UN', 'U.N.'] },
  { name: 'NATO', kind: 'ORGANIZATION', domains: ['nato.int'], aliases: [] },
  { name: 'International Monetary Fund', kind: 'ORGANIZATION', domains: ['imf.org'], aliases: ['IMF'] },
  { name: 'World Bank', kind: 'ORGANIZATION', domains: ['worldbank.org'], aliases: [] },
  { name: 'OVD-Info', kind: 'ORGANIZATION', domains: ['ovd.info'], aliases: [] },
];

/** Image hosts and platforms: named as an image source they are web sites, not photo agencies. */
const WEB_SITES = new Set(
  [
    'Wikimedia Commons',
    'Wikipedia',
    'Flickr',
    'YouTube',
    'Telegram',
    'Twitter',
    'X',
    'Facebook',
    'Instagram',
    'VK',
    'VKontakte',
    'TikTok',
    'Social media',
    'Unsplash',
    'Pexels',
    'Pixabay',
  ].map((s) => s.toLowerCase()),
);

export function isWebSiteName(name: string): boolean {
  const n = name.trim().toLowerCase();
  return WEB_SITES.has(n) || /^(?:https?:\/\/)?(?:[\w-]+\.)+[a-z]{2,}(?:\/\S*)?$/i.test(n);
}

const toDraft = (k: KnownSource, kind: SourceKind = k.kind): DraftSource => ({
  name: k.name,
  kind,
  aliases: [...k.aliases, ...(k.contextAliases ?? [])],
  domain: k.domains[0] ?? null,
  anonymousCount: null,
  relayedBy: null,
});

const byKey = new Map<string, KnownSource>();
const byDomain = new Map<string, KnownSource>();
for (const k of [...KNOWN_OUTLETS, ...KNOWN_BODIES]) {
  for (const d of k.domains) byDomain.set(d, k);
  for (const n of [k.name, ...k.aliases, ...(k.contextAliases ?? [])])
    byKey.set(n.toLowerCase().replace(/^the /, ''), k);
}
const outletSet = new Set<KnownSource>(KNOWN_OUTLETS);

/** Host of a url or bare domain, lowercased, without `www.`; null when it has none. */
export function hostOf(urlOrDomain: string): string | null {
  const s = urlOrDomain.trim();
  if (!s || /\s/.test(s)) return null;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`);
    const host = u.hostname.toLowerCase().replace(/^www\./, '');
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

function knownByDomain(host: string): KnownSource | undefined {
  // walk up subdomains: edition.cnn.com → cnn.com
  let h = host;
  for (;;) {
    const k = byDomain.get(h);
    if (k) return k;
    const dot = h.indexOf('.');
    if (dot < 0 || h.indexOf('.', dot + 1) < 0) return undefined;
    h = h.slice(dot + 1);
  }
}

function lookup(nameOrAliasOrDomain: string): KnownSource | undefined {
  const key = nameOrAliasOrDomain
    .trim()
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/['’]s$/, '');
  const k = byKey.get(key);
  if (k) return k;
  if (/[./]/.test(key) && !/\s/.test(key)) {
    const host = hostOf(key);
    if (host) return knownByDomain(host);
  }
  return undefined;
}

/** A known outlet (news outlet, wire or photo agency) by name, alias, domain or url; a fresh copy each call. */
export function findKnownOutlet(nameOrAliasOrDomain: string): DraftSource | null {
  const k = lookup(nameOrAliasOrDomain);
  return k && outletSet.has(k) ? toDraft(k) : null;
}

/** A known research body, organization or government by name, alias or domain. */
export function findKnownBody(nameOrAliasOrDomain: string): DraftSource | null {
  const k = lookup(nameOrAliasOrDomain);
  return k && !outletSet.has(k) ? toDraft(k) : null;
}

/** The publisher for a url: a known outlet, else an OUTLET named from the site (`siteName` when the page gives one). */
export function publisherFromUrl(url: string, siteName?: string | null): DraftSource | null {
  const host = hostOf(url);
  if (!host) return null;
  const k = knownByDomain(host);
  if (k) return toDraft(k, k.kind === 'PHOTO_AGENCY' ? 'OUTLET' : k.kind);
  return {
    name: siteName?.trim() || host,
    kind: 'OUTLET',
    aliases: [],
    domain: host,
    anonymousCount: null,
    relayedBy: null,
  };
}

export function photoAgency(name: string): DraftSource {
  const k = lookup(name);
  if (k && outletSet.has(k)) return toDraft(k, 'PHOTO_AGENCY');
  return { name: name.trim(), kind: 'PHOTO_AGENCY', aliases: [], domain: null, anonymousCount: null, relayedBy: null };
}

/** A web site named as an image source: a known outlet/body if it is one, else an ORGANIZATION (GOVERNMENT for .gov). */
export function webSiteSource(name: string): DraftSource {
  const k = lookup(name);
  if (k) return toDraft(k);
  const host = hostOf(name);
  const isSite = host !== null && /\./.test(name);
  const gov = host !== null && /(?:^|\.)(?:gov|gov\.[a-z]{2}|mil)$/.test(host);
  return {
    name: isSite && host ? host : name.trim(),
    kind: gov ? 'GOVERNMENT' : 'ORGANIZATION',
    aliases: [],
    domain: isSite ? host : null,
    anonymousCount: null,
    relayedBy: null,
  };
}

export const person = (name: string): DraftSource => ({
  name: name.trim(),
  kind: 'PERSON',
  aliases: [],
  domain: null,
  anonymousCount: null,
  relayedBy: null,
});

/** Every (name or alias, source) pair usable to spot outlets and bodies in running text; context aliases only when allowed. */
export function mentionTable(allowContext: (k: DraftSource) => boolean): Array<{ text: string; source: DraftSource }> {
  const rows: Array<{ text: string; source: DraftSource }> = [];
  for (const k of [...KNOWN_OUTLETS, ...KNOWN_BODIES]) {
    const d = toDraft(k);
    for (const n of [k.name, ...k.aliases]) rows.push({ text: n, source: d });
    if (k.contextAliases && allowContext(d)) for (const n of k.contextAliases) rows.push({ text: n, source: d });
  }
  // longest first so "The Wall Street Journal" wins over "The Journal"
  return rows.sort((a, b) => b.text.length - a.text.length);
}
