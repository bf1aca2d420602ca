package io.cordon.dispute;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The measures a court expects, per jurisdiction, from {@code templates/reasonable-measures.csv}: legal edits the
 * table (in a spreadsheet), not the code. Each row names the check that decides it (see {@link Scorecards}).
 */
@Component
class MeasureList {

  static final String FILE = "templates/reasonable-measures.csv";

  record Measure(String jurisdiction, String key, String check, String title, String basis, String closeGap) {
  }

  private final List<Measure> measures;

  MeasureList() {
    this.measures = load();
  }

  List<Measure> all() {
    return measures;
  }

  private static List<Measure> load() {
    List<Measure> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8))) {
      String header = in.readLine();
      if (header == null || !header.startsWith("jurisdiction,measure,check,")) {
        throw new IllegalStateException(FILE + " must start with the header jurisdiction,measure,check,title,basis,close_gap");
      }
      String line;
      int number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] c = line.split(",", 6);
        if (c.length != 6 || !Scorecards.knows(c[2].strip())) {
          throw new IllegalStateException(FILE + " line " + number + ": expected 6 columns and a known check, found: " + line);
        }
        rows.add(new Measure(c[0].strip(), c[1].strip(), c[2].strip(), c[3].strip(), c[4].strip(), c[5].strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(FILE + " is missing", e);
    }
    return List.copyOf(rows);
  }
}
