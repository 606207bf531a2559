package dossier.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step run on the shaded jar after {@code package} (see pom.xml; compiled from
 * src/build/java apart from the program and its tests): gives every class file older than Java 6
 * the stack map frames of a Java 8 class file.
 *
 * <p>picocli ships Java 5 class files. The JVM checks those with its old type-inferring verifier,
 * and its class-data sharing archives refuse every class checked that way, so picocli's 228 classes
 * were read from the jar and verified again on every start of every command: about 60 ms of CPU of
 * a {@code dossier search} (BENCHMARKS.md, Start-up). With frames computed here they are verified
 * by the current verifier and the launcher's archive keeps them. The code itself is not changed;
 * {@code ShadedJarIT} loads and verifies every class of the jar.
 *
 * <p>usage: FrameOldClasses JAR (rewritten in place)
 */
public final class FrameOldClasses {
  /** Java 6: the first class file version the current verifier and CDS accept. */
  private static final int FIRST_FRAMED = 50;

  private FrameOldClasses() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: FrameOldClasses JAR");
    }
    Path jar = Path.of(args[0]);
    Path tmp = jar.resolveSibling(jar.getFileName() + ".framing");
    int framed = 0;
    try (URLClassLoader types =
            new URLClassLoader(
                new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        InputStream raw = Files.newInputStream(jar);
        ZipInputStream in = new ZipInputStream(raw);
        OutputStream rawOut = Files.newOutputStream(tmp);
        ZipOutputStream out = new ZipOutputStream(rawOut)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().endsWith(".class") && version(bytes) < FIRST_FRAMED) {
          bytes = framed(bytes, types);
          framed++;
        }
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(e.getTime());
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("FrameOldClasses: " + framed + " class files framed in " + jar);
  }

  private static int version(byte[] classFile) {
    return classFile.length < 8
        ? Integer.MAX_VALUE
        : ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }

  /** The class with frames computed from its code, as a Java 8 class file. */
  static byte[] framed(byte[] classFile, ClassLoader types) {
    ClassWriter writer =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected ClassLoader getClassLoader() {
            // the common superclass of two of the jar's types is looked up among the jar's own
            return types;
          }
        };
    new ClassReader(classFile)
        .accept(
            new ClassVisitor(Opcodes.ASM9, writer) {
              @Override
              public void visit(
                  int version,
                  int access,
                  String name,
                  String signature,
                  String superName,
                  String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
              }
            },
            ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }
}
