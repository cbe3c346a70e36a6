/**
 * HUB_SUBGRAPH_URLS: where each subgraph answers, as "name=url" pairs separated by commas. The
 * gateway uses it to override the URLs composed into the supergraph; subgraphs use it to ask
 * each other whether referenced records exist.
 */
export function parseSubgraphUrls(value: string | undefined): Map<string, string> {
  const urls = new Map<string, string>();
  for (const entry of (value ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const [name, url, ...rest] = entry.split('=');
    if (!name || !url || rest.length > 0 || !/^https?:\/\/\S+$/.test(url)) {
      throw new Error(`HUB_SUBGRAPH_URLS must be name=url pairs separated by commas, got ${JSON.stringify(entry)}`);
    }
    urls.set(name, url);
  }
  return urls;
}

/** The value of HUB_SUBGRAPH_URLS for some subgraphs' URLs. */
export function formatSubgraphUrls(urls: Record<string, string>): string {
  return Object.entries(urls).map(([name, url]) => `${name}=${url}`).join(',');
}
