/** Links to a feed of this page's history, in both formats (readers also find them in the page's head). */
export function FeedLinks({ path, what }: { path: string; what: string }) {
  return (
    <p className="text-sm text-slate-600" data-testid="feed-links">
      Follow {what}:{" "}
      <a href={`${path}.atom`} className="text-blue-700 underline" type="application/atom+xml">
        Atom feed
      </a>{" "}
      ·{" "}
      <a href={`${path}.json`} className="text-blue-700 underline" type="application/feed+json">
        JSON Feed
      </a>
    </p>
  );
}

/** The page's feed for readers that look in its head (Next metadata `alternates`). */
export function feedAlternates(path: string, title: string) {
  return {
    types: {
      "application/atom+xml": [{ url: `${path}.atom`, title }],
      "application/feed+json": [{ url: `${path}.json`, title }],
    },
  };
}
