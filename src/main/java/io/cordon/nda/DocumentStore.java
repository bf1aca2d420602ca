package io.cordon.nda;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Content-addressed document bytes and their renditions; a hash identifies the bytes, so a write is idempotent. */
@Repository
class DocumentStore {

  private final JdbcTemplate jdbc;

  DocumentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  String put(byte[] content) {
    String sha256 = CompiledTemplate.sha256(content);
    Integer present = jdbc.queryForObject("select count(*) from nda_blob where sha256 = ?", Integer.class, sha256);
    if (present == null || present == 0) {
      try {
        jdbc.update("insert into nda_blob (sha256, size_bytes, content) values (?, ?, ?)", sha256, (long) content.length, content);
      } catch (DuplicateKeyException storedMeanwhile) {
        // Another transaction stored the same bytes between the look-up and the insert (two partners' identical signed
        // copies, recorded at the same moment): the content is addressed by its hash, so it is there and this step goes on.
      }
    }
    return sha256;
  }

  Optional<byte[]> get(String sha256) {
    return jdbc.query("select content from nda_blob where sha256 = ?", (rs, n) -> rs.getBytes(1), sha256).stream().findFirst();
  }

  /** The stored bytes of each hash named that is stored, in one statement per {@value NdaStore#IN_LIST} hashes. */
  Map<String, byte[]> getAll(Collection<String> sha256s) {
    Map<String, byte[]> found = new HashMap<>();
    for (List<String> chunk : NdaStore.chunks(sha256s)) {
      jdbc.query("select sha256, content from nda_blob where sha256 in (" + NdaStore.marks(chunk.size()) + ")",
          rs -> {
            found.put(rs.getString(1), rs.getBytes(2));
          }, chunk.toArray());
    }
    return found;
  }

  Optional<byte[]> rendition(String sha256, String format) {
    return jdbc.query("select content from nda_rendition where source_sha256 = ? and format = ?", (rs, n) -> rs.getBytes(1),
        sha256, format).stream().findFirst();
  }

  void putRendition(String sha256, String format, byte[] content) {
    if (rendition(sha256, format).isEmpty()) {
      try {
        jdbc.update("insert into nda_rendition (source_sha256, format, content) values (?, ?, ?)", sha256, format, content);
      } catch (DuplicateKeyException renderedMeanwhile) {
        // Two downloads of the same document at once: the first rendition stored is kept.
      }
    }
  }
}
