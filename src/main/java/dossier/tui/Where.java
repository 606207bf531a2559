package dossier.tui;

/** The screens of the review UI that actions apply to. */
enum Where {
  LIST("List"),
  READER("Reader"),
  HELP("Help");

  final String title;

  Where(String title) {
    this.title = title;
  }
}
