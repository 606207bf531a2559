package dossier.cli;

import dossier.ingest.Format;

/** What {@code --input} (or {@code --from}) says a file is, wherever a file is read. */
enum InputFormat {
  auto(Format.AUTO),
  text(Format.TEXT),
  html(Format.HTML),
  markdown(Format.MARKDOWN),
  pdf(Format.PDF);

  final Format format;

  InputFormat(Format format) {
    this.format = format;
  }
}
