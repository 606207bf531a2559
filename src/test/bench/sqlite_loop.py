#!/usr/bin/env python3
"""The "SQLite itself" baseline: a plain Python loop that reads text articles (headline, blank
line, paragraphs) from a folder, recursively, and inserts them into an FTS5 table in one
transaction. No extraction, no de-duplication, no originals kept: the floor that any importer
built on SQLite pays.

usage: sqlite_loop.py FOLDER DB
"""
import os
import sqlite3
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    folder, db = sys.argv[1], sys.argv[2]
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE articles USING fts5(title, body)")
    n = 0
    with con:
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith(".txt"):
                    continue
                with open(os.path.join(root, name), "rb") as f:
                    text = f.read().decode("utf-8", errors="replace")
                title, _, body = text.partition("\n")
                con.execute("INSERT INTO articles(title, body) VALUES (?, ?)", (title, body))
                n += 1
    con.close()
    print(f"{n} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
