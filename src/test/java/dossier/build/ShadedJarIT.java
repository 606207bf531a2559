package dossier.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar after {@link FrameOldClasses}: no class file is older than Java 6 any more, and
 * every picocli class, loaded from the jar alone and initialized, passes the JVM's verifier. The
 * libraries the reading commands do not load are in a second jar beside it.
 */
class ShadedJarIT {
  @Test
  void picocliIsFramedAndVerifies() throws Exception {
    String j = System.getenv("DOSSIER_JAR");
    assumeTrue(j != null && Files.isRegularFile(Path.of(j)), "DOSSIER_JAR names the packaged jar");
    Path jar = Path.of(j);
    List<String> old = new ArrayList<>();
    List<String> picocli = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(jar);
        ZipInputStream in = new ZipInputStream(raw)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (!e.getName().endsWith(".class") || e.getName().contains("module-info")) {
          continue;
        }
        byte[] b = in.readAllBytes();
        if (((b[6] & 0xff) << 8 | (b[7] & 0xff)) < 50) {
          old.add(e.getName());
        }
        if (e.getName().startsWith("picocli/")) {
          picocli.add(e.getName().replace('/', '.').replaceAll("\\.class$", ""));
        }
      }
    }
    assertThat(old).as("class files the verifier would check the old way").isEmpty();
    assertThat(picocli).hasSizeGreaterThan(200);
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String name : picocli) {
        // initializing links the class, and linking verifies it (a VerifyError fails the test)
        Class<?> c = Class.forName(name, true, loader);
        assertThat(c.getClassLoader()).isSameAs(loader);
      }
    }
  }

  @Test
  void theReadingPathsLibrariesAreInTheJarAndTheRestBesideIt() throws Exception {
    String j = System.getenv("DOSSIER_JAR");
    assumeTrue(j != null && Files.isRegularFile(Path.of(j)), "DOSSIER_JAR names the packaged jar");
    Path jar = Path.of(j);
    Path lib = jar.resolveSibling("dossier-lib.jar");
    List<String> main = entries(jar);
    List<String> rest = entries(lib);
    try (var in = new java.util.jar.JarFile(jar.toFile())) {
      assertThat(in.getManifest().getMainAttributes().getValue("Class-Path"))
          .isEqualTo("dossier-lib.jar");
    }
    for (String p :
        List.of(
            "dossier/",
            "picocli/",
            "org/sqlite/",
            "org/slf4j/",
            "com/fasterxml/jackson/databind/")) {
      assertThat(main).as(p).anyMatch(e -> e.startsWith(p));
      assertThat(rest).as(p).noneMatch(e -> e.startsWith(p) && e.endsWith(".class"));
    }
    for (String p :
        List.of(
            "org/jsoup/",
            "org/postgresql/",
            "com/googlecode/lanterna/",
            "org/apache/pdfbox/",
            "org/apache/commons/csv/",
            "org/commonmark/",
            "org/yaml/")) {
      assertThat(rest).as(p).anyMatch(e -> e.startsWith(p));
      assertThat(main).as(p).noneMatch(e -> e.startsWith(p));
    }
    List<String> both = new ArrayList<>(main);
    both.retainAll(rest);
    assertThat(both).as("classes in both jars").noneMatch(e -> e.endsWith(".class"));
  }

  private static List<String> entries(Path jar) throws Exception {
    List<String> names = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(jar);
        ZipInputStream in = new ZipInputStream(raw)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }
}
