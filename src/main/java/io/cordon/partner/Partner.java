package io.cordon.partner;

import io.cordon.platform.Transitions;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.NaturalId;

@Entity
@Table(name = "partner")
public class Partner {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  /** Unique and never changed: the persistence context resolves it without a query once the entity is loaded. */
  @NaturalId
  @Column(nullable = false, updatable = false)
  private String code;
  private String legalName;
  private String nativeName;
  private String country;
  private String registrationId;
  private String address;
  @Enumerated(EnumType.STRING)
  private PartnerType type;
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private Partner parent;
  @Convert(converter = ContactsConverter.class)
  private List<Contact> contacts = List.of();
  @Enumerated(EnumType.STRING)
  private PartnerStatus status;
  @Enumerated(EnumType.STRING)
  private RiskTier riskTier;
  private LocalDate nextRecertification;
  @Version
  private long version;
  private Instant createdAt;
  private Instant updatedAt;

  protected Partner() {
  }

  Partner(String code, PartnerDetails details, Partner parent, Instant now) {
    this.code = code;
    this.status = PartnerStatus.PROSPECT;
    this.createdAt = now;
    apply(details, parent, now);
  }

  void apply(PartnerDetails d, Partner parent, Instant now) {
    this.legalName = d.legalName();
    this.nativeName = d.nativeName();
    this.country = d.country();
    this.registrationId = d.registrationId();
    this.address = d.address();
    this.type = d.type();
    this.parent = parent;
    this.contacts = List.copyOf(d.contacts());
    this.updatedAt = now;
  }

  void changeStatus(PartnerStatus to, Instant now) {
    Transitions.check("Partner " + code, status, to, status.next());
    this.status = to;
    this.updatedAt = now;
  }

  void assess(RiskTier tier, Instant now) {
    this.riskTier = tier;
    this.updatedAt = now;
  }

  void scheduleRecertification(LocalDate date, Instant now) {
    this.nextRecertification = date;
    this.updatedAt = now;
  }

  PartnerDetails details() {
    return new PartnerDetails(legalName, nativeName, country, registrationId, address, type, parent == null ? null : parent.getCode(), contacts);
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getLegalName() {
    return legalName;
  }

  public String getCountry() {
    return country;
  }

  public PartnerType getType() {
    return type;
  }

  public Partner getParent() {
    return parent;
  }

  public List<Contact> getContacts() {
    return contacts;
  }

  public PartnerStatus getStatus() {
    return status;
  }

  public RiskTier getRiskTier() {
    return riskTier;
  }

  public LocalDate getNextRecertification() {
    return nextRecertification;
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
