package dossier.cli;

import dossier.store.PgCluster;

/** The tagging, undo, rules and suggestion tests on an archive in a PostgreSQL database. */
class PgTaggingTest extends TaggingTest {
  @Override
  Cli open(Cli cli) {
    return cli.env("DOSSIER_DB", PgCluster.require().database("tagging"));
  }
}
