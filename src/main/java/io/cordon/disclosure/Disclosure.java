package io.cordon.disclosure;

import io.cordon.partner.Partner;
import io.cordon.platform.StringListConverter;
import io.cordon.platform.Transitions;
import io.cordon.secret.TradeSecret;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "disclosure")
public class Disclosure {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "secret_id", updatable = false)
  private TradeSecret secret;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "partner_id", updatable = false)
  private Partner partner;
  private String ndaReference;
  private Integer ndaVersion;
  private String purpose;
  @Convert(converter = StringListConverter.class)
  private List<String> permittedRecipients = List.of();
  private String channel;
  @Enumerated(EnumType.STRING)
  private DisclosureStatus status;
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "disclosure_approval", joinColumns = @JoinColumn(name = "disclosure_id"))
  @OrderColumn(name = "position")
  private List<Approval> approvals = new ArrayList<>();
  private Instant requestedAt;
  private Instant approvedAt;
  private Instant disclosedAt;
  private Instant closedAt;
  @Version
  private long version;

  protected Disclosure() {
  }

  Disclosure(TradeSecret secret, Partner partner, DisclosureRequest request, Instant now) {
    this.secret = secret;
    this.partner = partner;
    this.ndaReference = request.ndaReference();
    this.ndaVersion = request.ndaVersion();
    this.purpose = request.purpose();
    this.permittedRecipients = List.copyOf(request.permittedRecipients());
    this.channel = request.channel();
    this.status = DisclosureStatus.REQUESTED;
    this.requestedAt = now;
  }

  void decide(Approval approval) {
    approvals.add(approval);
    if (approval.getDecision() == Approval.Decision.DECLINED) {
      moveTo(DisclosureStatus.REVOKED, approval.getDecidedAt());
    } else if (status == DisclosureStatus.REQUESTED) {
      moveTo(DisclosureStatus.APPROVED, approval.getDecidedAt());
      approvedAt = approval.getDecidedAt();
    }
  }

  void coverBy(String reference, Integer version) {
    this.ndaReference = reference;
    this.ndaVersion = version;
  }

  void moveTo(DisclosureStatus to, Instant now) {
    Transitions.check("Disclosure " + id, status, to, status.next());
    status = to;
    if (to == DisclosureStatus.DISCLOSED && disclosedAt == null) {
      disclosedAt = now;
    }
    if (to.next().isEmpty()) {
      closedAt = now;
    }
  }

  public Long getId() {
    return id;
  }

  public TradeSecret getSecret() {
    return secret;
  }

  public Partner getPartner() {
    return partner;
  }

  public String getNdaReference() {
    return ndaReference;
  }

  public Integer getNdaVersion() {
    return ndaVersion;
  }

  public String getPurpose() {
    return purpose;
  }

  public List<String> getPermittedRecipients() {
    return permittedRecipients;
  }

  public String getChannel() {
    return channel;
  }

  public DisclosureStatus getStatus() {
    return status;
  }

  public List<Approval> getApprovals() {
    return List.copyOf(approvals);
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Instant getApprovedAt() {
    return approvedAt;
  }

  public Instant getDisclosedAt() {
    return disclosedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public long getVersion() {
    return version;
  }
}
