package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-09-28T22:40:00+02:00 | 2025-09-28T22:40:00+02:00",
        "2025-09-28T20:40:00.000Z | 2025-09-28T20:40:00Z",
        "2025-09-28T20:40:00+0000 | 2025-09-28T20:40:00Z",
        "2025-09-28 | 2025-09-28",
        "2018-04-05T06:00 | 2018-04-05",
        "20200413T16:38:07Z | 2020-04-13T16:38:07Z",
        "20200413 | 2020-04-13",
        "March 12, 2025 | 2025-03-12",
        "Published June 3, 2025, 7:15 a.m. | 2025-06-03",
        "Sunday 28 September 2025 22.40 CEST | 2025-09-28",
        "14.11.2025 | 2025-11-14",
        "06/28/2020 | 2020-06-28",
        "2020/07/11 | 2020-07-11",
        "7 de junio de 2020 | 2020-06-07",
        "06 Dicembre 2020 | 2020-12-06",
        "12 октября 2020 | 2020-10-12",
        "3 травня 2020 року | 2020-05-03",
        "2020年7月12日 | 2020-07-12",
        "2020년 03월 04일 | 2020-03-04",
        "07 أكتوبر 2020 | 2020-10-07",
        "Jan. 5th, 2021 | 2021-01-05",
      })
  void readsDates(String input, String expected) {
    assertThat(Dates.parse(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"no date here", "31.02.2020", "1850-01-01", "version 2.0.1", "May I come in"})
  void rejectsNonDates(String input) {
    assertThat(Dates.parse(input)).isNull();
  }

  @Test
  void latestDateInTextIgnoresTheFuture() {
    assertThat(
            Dates.latest(
                "Born 3 May 1971. Revision as of 05:33, 7 April 2020; next vote on"
                    + " 12 June 2999; first aired 2005-07-26."))
        .isEqualTo("2020-04-07");
    assertThat(Dates.latest("nothing here")).isNull();
  }
}
