package io.cordon.nda;

import io.cordon.nda.TemplateCatalogue.TemplateInfo;
import io.cordon.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versions of each template. The shipped file becomes a new version when its bytes change; admins upload further
 * versions. Generation always uses the latest version and records which one; older versions stay for regeneration.
 */
@Service
public class TemplateVersions {

  private static final Logger log = LoggerFactory.getLogger(TemplateVersions.class);

  private final JdbcTemplate jdbc;
  private final TemplateCatalogue catalogue;
  private final DocumentStore documents;
  private final Map<String, CompiledTemplate> compiled = new ConcurrentHashMap<>();

  TemplateVersions(JdbcTemplate jdbc, TemplateCatalogue catalogue, DocumentStore documents) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.documents = documents;
  }

  public record TemplateVersion(String key, int version, String sha256, String source, String fileName, Instant createdAt,
      String createdBy) {
  }

  /** Records the shipped version of every template if its bytes are new. Safe when several nodes start together. */
  @Transactional
  public void registerShipped() {
    for (TemplateInfo template : catalogue.all()) {
      byte[] bytes = catalogue.shipped(template);
      String sha256 = CompiledTemplate.sha256(bytes);
      Integer known = jdbc.queryForObject("select count(*) from nda_template_version where template_key = ? and sha256 = ?",
          Integer.class, template.key(), sha256);
      if (known == 0) {
        try {
          add(template, bytes, "SHIPPED", template.file(), "system");
        } catch (DuplicateKeyException e) {
          log.info("Template {} was registered by another node", template.key());
        }
      }
    }
  }

  @Transactional
  public TemplateVersion upload(String key, String fileName, byte[] bytes, String user) {
    TemplateInfo template = info(key);
    byte[] accepted = TemplateValidator.validate(fileName, bytes, template);
    String sha256 = CompiledTemplate.sha256(accepted);
    TemplateVersion existing = versions(key).stream().filter(v -> v.sha256().equals(sha256)).findFirst().orElse(null);
    if (existing != null) {
      throw new io.cordon.platform.ConflictException("This file is identical to version " + existing.version()
          + " of template " + key + "; nothing to add.");
    }
    return add(template, accepted, "UPLOADED", fileName, user);
  }

  private TemplateVersion add(TemplateInfo template, byte[] bytes, String source, String fileName, String user) {
    String sha256 = documents.put(bytes);
    Integer last = jdbc.queryForObject("select coalesce(max(version), 0) from nda_template_version where template_key = ?",
        Integer.class, template.key());
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    jdbc.update("insert into nda_template_version (template_key, version, sha256, source, file_name, created_at, created_by) "
        + "values (?, ?, ?, ?, ?, ?, ?)", template.key(), last + 1, sha256, source, fileName, Timestamp.from(now), user);
    log.info("Template {} version {} ({}) registered: {}", template.key(), last + 1, source, sha256);
    return new TemplateVersion(template.key(), last + 1, sha256, source, fileName, now, user);
  }

  @Transactional(readOnly = true)
  public List<TemplateVersion> versions(String key) {
    return jdbc.query("select template_key, version, sha256, source, file_name, created_at, created_by from nda_template_version "
        + "where template_key = ? order by version", (rs, n) -> new TemplateVersion(rs.getString(1), rs.getInt(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)), key);
  }

  TemplateVersion latest(String key) {
    List<TemplateVersion> all = versions(key);
    if (all.isEmpty()) {
      throw new NotFoundException("Template " + key + " has no version yet.");
    }
    return all.get(all.size() - 1);
  }

  TemplateVersion version(String key, int version) {
    return versions(key).stream().filter(v -> v.version() == version).findFirst()
        .orElseThrow(() -> new NotFoundException("Template " + key + " has no version " + version + "."));
  }

  TemplateInfo info(String key) {
    TemplateInfo template = catalogue.get(key);
    if (template == null) {
      throw new NotFoundException("There is no template '" + key + "'. Templates: "
          + catalogue.all().stream().map(TemplateInfo::key).toList());
    }
    return template;
  }

  /** The compiled template for stored bytes, compiled once per content. */
  CompiledTemplate compiled(TemplateVersion version) {
    return compiled.computeIfAbsent(version.sha256(), sha -> CompiledTemplate.compile(documents.get(sha)
        .orElseThrow(() -> new IllegalStateException("Template bytes " + sha + " are missing from the store"))));
  }

  /** Compiles the shipped bytes ahead of the first request (warms docx4j's JAXB context). */
  void precompile(byte[] bytes) {
    compiled.computeIfAbsent(CompiledTemplate.sha256(bytes), sha -> CompiledTemplate.compile(bytes));
  }
}
