#!/usr/bin/env python3
"""Makes a large archive for query timings from a smaller one that dossier imported: the articles
(with their tags and originals, and the links of near-duplicate copies to their originals) are
copied FACTOR times under new ids, and SQLite's own triggers index each copy in the full-text
index, as an import would. Stories, fingerprints and band rows are not copied: the copies belong to
no story and are no candidates for later imports.

This is a shortcut to a million-row archive when importing a million files takes longer than
there is time for. It measures queries, not import: every copy of an article has the same text,
so each word matches FACTOR times as many articles as in the source (a word in 16% of the source
articles is still in 16%), and the full-text index is built in FACTOR large transactions instead
of many import batches.

usage: grow_archive.py SOURCE_ARCHIVE NEW_ARCHIVE FACTOR
"""
import os
import sqlite3
import sys
import time


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    src, dst, factor = sys.argv[1], sys.argv[2], int(sys.argv[3])
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(dst + suffix):
            os.remove(dst + suffix)
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    con = sqlite3.connect(dst, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    cols = [r[1] for r in con.execute("PRAGMA table_info(articles)")]
    top = con.execute("SELECT max(id) FROM articles").fetchone()[0]

    def expr(col, k):
        if col == "id":
            return f"id + {k * top}"
        if col == "content_hash":
            return f"content_hash || '-copy{k}'"
        if col == "path":
            return f"path || '#copy{k}'"
        return col

    ocols = [r[1] for r in con.execute("PRAGMA table_info(originals)")]
    has_copies = con.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'copies'"
    ).fetchone()[0]
    for k in range(1, factor):
        t0 = time.time()
        con.execute("BEGIN")
        con.execute(
            f"INSERT INTO articles ({', '.join(cols)}) "
            f"SELECT {', '.join(expr(c, k) for c in cols)} FROM articles WHERE id <= {top}"
        )
        con.execute(
            "INSERT INTO article_tags (article_id, tag_id) "
            f"SELECT article_id + {k * top}, tag_id FROM article_tags WHERE article_id <= {top}"
        )
        sel = ", ".join(f"article_id + {k * top}" if c == "article_id" else c for c in ocols)
        con.execute(
            f"INSERT INTO originals ({', '.join(ocols)}) "
            f"SELECT {sel} FROM originals WHERE article_id <= {top}"
        )
        if has_copies:
            # a copy's link to its original, within the same replica
            con.execute(
                "INSERT INTO copies (article_id, original_id, resemblance, containment) "
                f"SELECT article_id + {k * top}, original_id + {k * top}, resemblance, containment"
                f" FROM copies WHERE article_id <= {top}"
            )
        con.execute("COMMIT")
        print(f"copy {k}: {time.time() - t0:.1f} s", file=sys.stderr)
    con.execute("ANALYZE") if con.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
    ).fetchone()[0] else None
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    print(f"{n} articles in {dst}", file=sys.stderr)


if __name__ == "__main__":
    main()
