package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static Progress bar(int width) throws Exception {
    var c =
        Progress.class.getDeclaredConstructor(
            PrintWriter.class, String.class, String.class, int.class);
    c.setAccessible(true);
    return c.newInstance(null, "import", "files", width);
  }

  @Test
  void barShowsPartsOfACellAndTheCount() throws Exception {
    Progress p = bar(80);
    assertThat(p.active()).isFalse();
    String half = p.line(50, 100, 0);
    assertThat(half).startsWith("import [").contains("]  50%  50/100 files");
    int cells = half.indexOf(']') - half.indexOf('[') - 1;
    assertThat(half.chars().filter(ch -> ch == '█').count()).isEqualTo(cells / 2);
    assertThat(p.line(1, 3, 0)).containsAnyOf("▏", "▎", "▍", "▌", "▋", "▊", "▉");
    assertThat(p.line(100, 100, 2)).contains("100%").contains("50/s").doesNotContain(" ]");
    assertThat(p.line(2500, 0, 1)).isEqualTo("import  2,500 files  2,500/s");
    assertThat(bar(40).line(10, 20, 0).length()).isLessThanOrEqualTo(60);
  }
}
