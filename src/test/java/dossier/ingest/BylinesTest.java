package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BylinesTest {
  @Test
  void namesFromBylines() {
    assertThat(Bylines.names("By Lena Sorvik and Amir Castell in Bressa"))
        .containsExactly("Lena Sorvik", "Amir Castell");
    assertThat(Bylines.names("By GILLIAN MOHNEY March 11, 2015 3:46 PM"))
        .containsExactly("GILLIAN MOHNEY");
    assertThat(Bylines.names("Written by Rob Ewaschuk Edited by Betsy Beyer"))
        .containsExactly("Rob Ewaschuk");
    assertThat(Bylines.names("Anna Ferro, Senior Correspondent")).containsExactly("Anna Ferro");
    assertThat(Bylines.names("Par Sébastien Farcis")).containsExactly("Sébastien Farcis");
    assertThat(Bylines.names("肖春芳")).containsExactly("肖春芳");
    assertThat(Bylines.names("https://example.com/authors/x")).isEmpty();
    assertThat(Bylines.names("Share this story")).isEmpty();
  }

  @Test
  void bylineLinesAreToldFromText() {
    assertThat(Bylines.isByLine("By Teodor Vance")).isTrue();
    assertThat(Bylines.isNameWithRole("Anna Ferro, Correspondent")).isTrue();
    assertThat(Bylines.isNameWithRole("US critics laud comedy Sideways")).isFalse();
    assertThat(Bylines.isByLine("By the end of the week the river had dropped again.")).isFalse();
  }
}
