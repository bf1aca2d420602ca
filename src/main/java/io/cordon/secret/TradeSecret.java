package io.cordon.secret;

import io.cordon.platform.StringListConverter;
import io.cordon.platform.Transitions;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.NaturalId;

/** A trade secret's metadata. There is deliberately no field for the secret's content. */
@Entity
@Table(name = "trade_secret")
public class TradeSecret {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Unique and never changed: the persistence context resolves it without a query once the entity is loaded. */
  @NaturalId
  @Column(nullable = false, updatable = false)
  private String code;
  private String title;
  private String summary;
  @Enumerated(EnumType.STRING)
  private SecretCategory category;
  @Enumerated(EnumType.STRING)
  private Classification classification;
  private String ownerId;
  @Convert(converter = StringListConverter.class)
  private List<String> systems = List.of();
  @Convert(converter = StringListConverter.class)
  private List<String> sites = List.of();
  @Convert(converter = StringListConverter.class)
  private List<String> countries = List.of();
  @Convert(converter = MeasuresConverter.class)
  @Column(name = "protection_measures")
  private Set<ProtectionMeasure> measures = Set.of();
  @Enumerated(EnumType.STRING)
  private SecretStatus status;
  @Version
  private long version;
  private Instant createdAt;
  private Instant updatedAt;

  protected TradeSecret() {
  }

  TradeSecret(String code, SecretDetails details, Instant now) {
    this.code = code;
    this.status = SecretStatus.ACTIVE;
    this.createdAt = now;
    apply(details, now);
  }

  void apply(SecretDetails d, Instant now) {
    this.title = d.title();
    this.summary = d.summary();
    this.category = d.category();
    this.classification = d.classification();
    this.ownerId = d.ownerId();
    this.systems = List.copyOf(d.systems());
    this.sites = List.copyOf(d.sites());
    this.countries = List.copyOf(d.countries());
    this.measures = Set.copyOf(d.measures());
    this.updatedAt = now;
  }

  void changeStatus(SecretStatus to, Instant now) {
    Transitions.check("Trade secret " + code, status, to, status.next());
    this.status = to;
    this.updatedAt = now;
  }

  SecretDetails details() {
    return new SecretDetails(title, summary, category, classification, ownerId, systems, sites, countries, measures);
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getTitle() {
    return title;
  }

  public SecretCategory getCategory() {
    return category;
  }

  public Classification getClassification() {
    return classification;
  }

  public String getOwnerId() {
    return ownerId;
  }

  public SecretStatus getStatus() {
    return status;
  }

  public long getVersion() {
    return version;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
