package dossier.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into {@code dossier/version.properties}. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/dossier/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {"dossier " + p.getProperty("version", "unknown")};
  }
}
