package io.cordon.nda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

class ClauseLibraryTest {

  static final ClauseLibrary LIBRARY = new ClauseLibrary();

  @Test
  void everyReleasedVersionIsPinnedByItsHash() throws Exception {
    Map<String, String> pins = ClauseLibrary.readReleased(new Resource[] {new FileSystemResource("templates/clauses/RELEASED")});
    List<String> missing = new ArrayList<>();
    for (Clause latest : LIBRARY.latest()) {
      for (Clause c : LIBRARY.versions(latest.key())) {
        if (!ClauseLibrary.sha256(c).equals(pins.get(c.ref()))) {
          missing.add(c.ref() + " " + ClauseLibrary.sha256(c));
        }
      }
    }
    assertThat(missing).as("add these lines to templates/clauses/RELEASED once legal has approved the wording").isEmpty();
  }

  @Test
  void anEditedReleasedVersionStopsTheLibraryFromLoading(@TempDir Path dir) throws Exception {
    Files.copy(Path.of("templates/clauses/RELEASED"), dir.resolve("RELEASED"));
    String remedies = Files.readString(Path.of("templates/clauses/remedies.yaml"));
    Files.writeString(dir.resolve("remedies.yaml"), remedies.replace("may seek an injunction", "may ask for an injunction"));
    assertThatThrownBy(() -> new ClauseLibrary(dir.toUri().toString()))
        .hasMessageContaining("remedies@1 was changed").hasMessageContaining("version 2");
  }

  @Test
  void clausesCoverEveryCategoryOfTheIssueAndVersionsAreKept() {
    assertThat(LIBRARY.latest()).extracting(Clause::category).contains(ClauseCategory.values());
    assertThat(LIBRARY.versions("obligations")).extracting(Clause::version).containsExactly(1, 2);
    assertThat(LIBRARY.latest("obligations").version()).isEqualTo(2);
    assertThat(LIBRARY.latest("governing-law-prc").fallback("cietac-arbitration-shanghai").text()).containsKeys("en", "zh");
  }
}
