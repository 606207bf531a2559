package dossier.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlKeyTest {
  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTPS://News.Example.COM/a/B?x=1 | https://news.example.com/a/B?x=1",
        "https://example.com:443/a | https://example.com/a",
        "http://example.com:80/a | http://example.com/a",
        "http://example.com:8080/a | http://example.com:8080/a",
        "https://example.com | https://example.com/",
        "https://example.com/a#section-2 | https://example.com/a",
        "https://example.com/a?utm_source=x&utm_medium=y | https://example.com/a",
        "https://example.com/a?id=3&UTM_Campaign=z&fbclid=1&gclid=2 | https://example.com/a?id=3",
        "https://example.com/a?mc_cid=1&page=2&msclkid=3 | https://example.com/a?page=2",
        "https://user:secret@example.com/a | https://example.com/a",
        "https://example.com./a | https://example.com/a",
        "'  https://example.com/a b  ' | https://example.com/a%20b",
      })
  void normalizes(String url, String key) {
    assertThat(UrlKey.of(url)).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource({"file:///etc/passwd", "ftp://example.com/a", "not a url", "example.com/a"})
  void onlyHttpAddressesHaveAKey(String url) {
    assertThat(UrlKey.of(url)).isNull();
    assertThat(UrlKey.orSelf(url)).isEqualTo(url);
  }
}
