package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The test cluster that the PostgreSQL suites run against is real, private and unprivileged. */
class PgClusterTest {
  @Test
  void theServerRunsAsAnUnprivilegedUserOnLoopback() throws Exception {
    PgCluster pg = PgCluster.require();
    String url = pg.database("cluster");
    try (Connection c = pg.connectUrl(url);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT pg_backend_pid(), current_setting('listen_addresses'),"
                    + " current_setting('server_version_num')::int")) {
      assertThat(rs.next()).isTrue();
      long pid = rs.getLong(1);
      assertThat(rs.getString(2)).isEqualTo("127.0.0.1");
      assertThat(rs.getInt(3)).isGreaterThanOrEqualTo(120000);
      // the backend serving this connection is a process of this machine: its owner is not root
      String status = Files.readString(Path.of("/proc/" + pid + "/status"));
      String uid = status.lines().filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow();
      assertThat(uid.split("\\s+")[1]).isNotEqualTo("0");
    }
  }
}
