package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dossier.core.UsageException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArchiveLocationTest {
  @Test
  void postgresUrlsAreServers() {
    assertThat(ArchiveLocation.parse("postgresql://h/db").isServer()).isTrue();
    assertThat(ArchiveLocation.parse("postgres://h:5433/db").isServer()).isTrue();
    assertThat(ArchiveLocation.parse("PostgreSQL://h/db").isServer()).isTrue();
  }

  @Test
  void pathsAreFiles() {
    assertThat(ArchiveLocation.parse("a.db").file()).isEqualTo(Path.of("a.db"));
    assertThat(ArchiveLocation.parse("x:y/a.db").isServer()).isFalse();
    assertThat(ArchiveLocation.parse("/tmp/postgresql/a.db").isServer()).isFalse();
  }

  @Test
  void otherSchemesAreRefused() {
    assertThatThrownBy(() -> ArchiveLocation.parse("file:///tmp/a.db"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("file://");
  }

  @Test
  void passwordsAreNeverShown() {
    assertThat(ArchiveLocation.parse("postgresql://ana:pw@h/db").shown())
        .isEqualTo("postgresql://ana@h/db");
    assertThat(ArchiveLocation.parse("postgresql://h/db?password=pw&sslmode=require").shown())
        .isEqualTo("postgresql://h/db?sslmode=require");
    assertThat(ArchiveLocation.parse("postgresql://h/db?sslmode=require&password=pw").shown())
        .isEqualTo("postgresql://h/db?sslmode=require");
    assertThat(ArchiveLocation.parse("postgresql://h/db?user=a&PASSWORD=pw&ssl=true").shown())
        .isEqualTo("postgresql://h/db?user=a&ssl=true");
    assertThat(ArchiveLocation.parse("postgresql://ana@h/db").shown())
        .isEqualTo("postgresql://ana@h/db");
  }
}
