-- 008: the normalized form of each article's URL (scheme and host in lower case, no default port,
-- fragment or tracking parameters), stored beside the URL as written so that url:, site: and the
-- check for an address already archived use an index. It is worked out in Java (dossier.core.UrlKey)
-- whenever the URL is written; the migration fills it for the articles already stored.
ALTER TABLE articles ADD COLUMN url_key TEXT;
ALTER TABLE trash_articles ADD COLUMN url_key TEXT;
CREATE INDEX articles_url_key ON articles(url_key) WHERE url_key IS NOT NULL;
