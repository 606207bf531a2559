package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file named .gz is read as gzip, and one that is not gzip is reported as such. */
class GzipNameTest {
  @TempDir Path tmp;

  @Test
  void aGzNameOnPlainTextIsReportedNotImportedAsText() throws IOException {
    Path fake = tmp.resolve("story.txt.gz");
    Files.writeString(fake, "Harbour fees rise\n\nThe board raised fees.\n");
    Sources.Source s = new Sources.Source(fake.toString(), fake, null, null);
    assertThatThrownBy(() -> Sources.read(s, 1 << 20))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not gzip");

    Path real = tmp.resolve("real.txt.gz");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write("Harbour fees rise\n\nThe board raised fees.\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.write(real, b.toByteArray());
    byte[] read = Sources.read(new Sources.Source(real.toString(), real, null, null), 1 << 20);
    assertThat(new String(read, StandardCharsets.UTF_8)).startsWith("Harbour fees rise");
  }
}
