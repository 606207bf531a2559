package dossier.cli;

import dossier.store.PgCluster;

/** The story thread tests on an archive in a PostgreSQL database. */
class PgStoriesCommandTest extends StoriesCommandTest {
  @Override
  Cli open(Cli cli) {
    return cli.env("DOSSIER_DB", PgCluster.require().database("stories"));
  }
}
