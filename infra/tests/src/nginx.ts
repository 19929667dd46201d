/** One location block of the storefront's nginx config: how it matches and what it does. */
export type Location = { kind: "exact" | "regex" | "prefix"; pattern: string; body: string };

/** The server's top-level location blocks (the config has no nested ones). */
export function locations(conf: string): Location[] {
  const text = conf.replace(/#.*$/gm, "");
  const found: Location[] = [];
  const re = /location\s+(=|~\*?)?\s*(\S+)\s*\{([^}]*)\}/g;
  for (const m of text.matchAll(re)) {
    const kind = m[1] === "=" ? "exact" : m[1]?.startsWith("~") ? "regex" : "prefix";
    found.push({ kind, pattern: m[2], body: m[3].trim() });
  }
  return found;
}

/**
 * nginx's choice for a request path: an exact match wins; otherwise the longest matching prefix is remembered, the
 * regular expressions are tried in order and the first that matches wins; failing that, the remembered prefix.
 */
export function route(all: Location[], uri: string): Location | undefined {
  const exact = all.find((l) => l.kind === "exact" && l.pattern === uri);
  if (exact) return exact;
  const prefix = all.filter((l) => l.kind === "prefix" && uri.startsWith(l.pattern))
    .sort((a, b) => b.pattern.length - a.pattern.length)[0];
  const regex = all.find((l) => l.kind === "regex" && new RegExp(l.pattern).test(uri));
  return regex ?? prefix;
}

/** What a location does, in short: "proxy host:port", "return CODE", or "static" (try_files). */
export function action(l: Location | undefined): string {
  if (!l) return "none";
  const proxy = l.body.match(/proxy_pass http:\/\/([^;/]+);/);
  if (proxy) return `proxy ${proxy[1]}`;
  const ret = l.body.match(/return (\d+)/);
  if (ret) return `return ${ret[1]}`;
  return /try_files \$uri \/index\.html/.test(l.body) ? "spa" : "static";
}
