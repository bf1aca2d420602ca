package io.cordon.secret;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.identity.CordonGroups;
import io.cordon.identity.CordonUser;
import io.cordon.identity.CurrentUser;
import io.cordon.identity.Directory;
import io.cordon.platform.CodeSequences;
import io.cordon.platform.ConflictException;
import io.cordon.platform.Countries;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.InvalidInputException.Violation;
import io.cordon.platform.NotFoundException;
import io.cordon.platform.SortableProperties;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hibernate.Session;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Valid;

/** The register of trade secrets. Every change appends its evidence event in the same transaction. */
@Service
@Validated
public class SecretService {

  static final String CODE_PREFIX = "TS-";
  static final String SEQUENCE = "secret";
  /** What /api/secrets may be sorted by. */
  static final SortableProperties SORTABLE = SortableProperties.of("code", "title", "category", "classification", "ownerId",
      "status", "createdAt", "updatedAt");
  /**
   * Attributes of a crown jewel that only its owner, security and admins see (docs/security.md): a caller not entitled
   * to it cannot filter by them, and sorting by them orders its rows by code only.
   */
  static final java.util.Set<String> HIDDEN = java.util.Set.of("title", "summary", "category", "ownerId", "createdAt", "updatedAt");

  private final TradeSecretRepository secrets;
  private final CodeSequences codes;
  private final EvidenceChain evidence;
  private final CurrentUser currentUser;
  private final Directory directory;
  private final EntityManager entityManager;
  private final List<StatusHolds> holds;

  SecretService(TradeSecretRepository secrets, CodeSequences codes, EvidenceChain evidence, CurrentUser currentUser,
      Directory directory, EntityManager entityManager, List<StatusHolds> holds) {
    this.secrets = secrets;
    this.codes = codes;
    this.evidence = evidence;
    this.currentUser = currentUser;
    this.directory = directory;
    this.entityManager = entityManager;
    this.holds = List.copyOf(holds);
  }

  @Transactional
  public SecretView register(@Valid SecretDetails details) {
    CordonUser user = currentUser.get();
    checkCanCreate(user);
    validate(details, "");
    String code = CodeSequences.format(CODE_PREFIX, codes.reserve(SEQUENCE, 1));
    TradeSecret secret = secrets.save(new TradeSecret(code, details, now()));
    evidence.append(registered(secret));
    return SecretAccess.view(user, secret);
  }

  @Transactional
  public SecretView update(String code, long expectedVersion, @Valid SecretDetails details) {
    CordonUser user = currentUser.get();
    TradeSecret secret = find(code);
    SecretAccess.checkCanChange(user, secret);
    if (secret.getVersion() != expectedVersion) {
      throw new ConflictException("Trade secret " + code + " was changed by someone else (version " + secret.getVersion()
          + ", you sent " + expectedVersion + "). Reload it and apply your change again.");
    }
    validate(details, "");
    SecretDetails before = secret.details();
    secret.apply(details, now());
    secrets.saveAndFlush(secret);
    evidence.append(EvidenceRecord.of("SECRET_CHANGED").secrets(List.of(code))
        .payload(Map.of("changed", changedFields(before, details), "classification", details.classification().name(),
            "ownerId", details.ownerId(), "version", secret.getVersion())));
    return SecretAccess.view(user, secret);
  }

  @Transactional
  public SecretView changeStatus(String code, SecretStatus to, String reason) {
    CordonUser user = currentUser.get();
    TradeSecret secret = find(code);
    SecretAccess.checkCanChange(user, secret);
    SecretStatus from = secret.getStatus();
    if (to != from) {
      for (StatusHolds hold : holds) {
        hold.heldBy(code, from).ifPresent(why -> {
          throw new ConflictException("Trade secret " + code + " stays " + from + ": " + why + ".");
        });
      }
    }
    secret.changeStatus(to, now());
    secrets.saveAndFlush(secret);
    evidence.append(EvidenceRecord.of("SECRET_STATUS_CHANGED").secrets(List.of(code))
        .payload(Map.of("from", from.name(), "to", to.name(), "reason", reason == null ? "" : reason)));
    return SecretAccess.view(user, secret);
  }

  /**
   * A status change that is a process step's own act (the leak response marks a secret at risk or compromised, and
   * back), whoever completed the task before it: checked against the transitions, recorded as every status change.
   */
  @Transactional
  public SecretRef changeStatusAsCordon(String code, SecretStatus to, String reason) {
    TradeSecret secret = find(code);
    SecretStatus from = secret.getStatus();
    secret.changeStatus(to, now());
    secrets.saveAndFlush(secret);
    evidence.append(EvidenceRecord.of("SECRET_STATUS_CHANGED").secrets(List.of(code))
        .payload(Map.of("from", from.name(), "to", to.name(), "reason", reason == null ? "" : reason)));
    return SecretRef.of(secret);
  }

  /** Adds protection measures to a secret as a process step's act (the lessons of a leak); returns those added. */
  @Transactional
  public java.util.Set<ProtectionMeasure> addMeasuresAsCordon(String code, java.util.Set<ProtectionMeasure> measures, String reason) {
    TradeSecret secret = find(code);
    SecretDetails before = secret.details();
    java.util.Set<ProtectionMeasure> added = java.util.EnumSet.noneOf(ProtectionMeasure.class);
    added.addAll(measures);
    added.removeAll(before.measures());
    if (added.isEmpty()) {
      return added;
    }
    java.util.Set<ProtectionMeasure> all = java.util.EnumSet.noneOf(ProtectionMeasure.class);
    all.addAll(before.measures());
    all.addAll(added);
    secret.apply(new SecretDetails(before.title(), before.summary(), before.category(), before.classification(),
        before.ownerId(), before.systems(), before.sites(), before.countries(), all), now());
    secrets.saveAndFlush(secret);
    evidence.append(EvidenceRecord.of("SECRET_UPDATED").secrets(List.of(code))
        .payload(Map.of("changed", List.of("measures"), "added", added.stream().map(Enum::name).sorted().toList(),
            "reason", reason == null ? "" : reason, "version", secret.getVersion())));
    return added;
  }

  @Transactional(readOnly = true)
  public SecretView get(String code) {
    return SecretAccess.view(currentUser.get(), find(code));
  }

  @Transactional(readOnly = true)
  public Page<SecretView> search(SecretFilter filter, Pageable page) {
    CordonUser user = currentUser.get();
    boolean hiddenSort = page.getSort().stream().anyMatch(o -> HIDDEN.contains(o.getProperty()));
    if (SecretAccess.isPrivileged(user) || !hiddenSort) {
      return secrets.findAll(matching(filter, user), page).map(s -> SecretAccess.view(user, s));
    }
    Pageable unsorted = org.springframework.data.domain.PageRequest.of(page.getPageNumber(), page.getPageSize());
    return secrets.findAll(matching(filter, user).and(orderedFor(page.getSort(), user)), unsorted)
        .map(s -> SecretAccess.view(user, s));
  }

  /** Secrets by code for other modules; fails naming every unknown code. */
  @Transactional(readOnly = true)
  public Map<String, SecretRef> resolve(Collection<String> codes) {
    Map<String, SecretRef> found = new LinkedHashMap<>();
    if (codes.size() == 1) {
      // One code (a disclosure's secret): from the persistence context when this transaction has loaded it already.
      byCode(codes.iterator().next()).ifPresent(s -> found.put(s.getCode(), SecretRef.of(s)));
    } else {
      secrets.findByCodeIn(codes).forEach(s -> found.put(s.getCode(), SecretRef.of(s)));
    }
    List<String> unknown = codes.stream().filter(c -> !found.containsKey(c)).distinct().sorted().toList();
    if (!unknown.isEmpty()) {
      throw new NotFoundException("Unknown trade secret code(s): " + String.join(", ", unknown) + ".");
    }
    return found;
  }

  @Transactional(readOnly = true)
  public boolean exists(String code) {
    return secrets.existsByCode(code);
  }

  /**
   * The protection measures recorded for a secret, whoever asks: facts for the reasonable-measures scorecard, which
   * reveal nothing of what a crown jewel is about.
   */
  @Transactional(readOnly = true)
  public java.util.Set<ProtectionMeasure> protectionMeasures(String code) {
    return find(code).details().measures();
  }

  /**
   * The countries where a secret is held, whoever asks: facts for a process step (the regulator deadline of a leak),
   * which the step never shows.
   */
  @Transactional(readOnly = true)
  public List<String> countriesOf(String code) {
    return find(code).details().countries();
  }

  /** Codes of every secret in the register, in code order (for register-wide evaluations). */
  @Transactional(readOnly = true)
  public List<String> allCodes() {
    return entityManager.createQuery("select s.code from TradeSecret s order by s.code", String.class).getResultList();
  }

  /** Whether the current user may see the secret's title and summary (for views built by other modules). */
  public boolean canSeeDetails(SecretRef secret) {
    return SecretAccess.canSeeDetails(currentUser.get(), secret.classification(), secret.ownerId());
  }

  TradeSecret find(String code) {
    return byCode(code).orElseThrow(() -> new NotFoundException("No trade secret with code " + code + "."));
  }

  private java.util.Optional<TradeSecret> byCode(String code) {
    return entityManager.unwrap(Session.class).bySimpleNaturalId(TradeSecret.class).loadOptional(code);
  }

  void checkCanCreate(CordonUser user) {
    if (!SecretAccess.isPrivileged(user) && !user.isMemberOf(CordonGroups.SECRET_OWNERS)) {
      throw new AccessDeniedException("Only secret owners, security and admins register secrets");
    }
  }

  /** Rules bean validation cannot check: the owner exists in secret-owners, countries are real ISO codes. */
  List<Violation> violations(SecretDetails details, String fieldPrefix) {
    List<Violation> violations = new ArrayList<>();
    if (details.ownerId() != null && !directory.isMember(details.ownerId(), CordonGroups.SECRET_OWNERS)) {
      violations.add(new Violation(fieldPrefix + "ownerId",
          "unknown owner '" + details.ownerId() + "': must be a user of group " + CordonGroups.SECRET_OWNERS));
    }
    for (String country : details.countries()) {
      if (!Countries.isValid(country)) {
        violations.add(new Violation(fieldPrefix + "countries", "'" + country + "' is not an ISO 3166 country code"));
      }
    }
    return violations;
  }

  private void validate(SecretDetails details, String fieldPrefix) {
    List<Violation> violations = violations(details, fieldPrefix);
    if (!violations.isEmpty()) {
      throw InvalidInputException.of(violations);
    }
  }

  static EvidenceRecord registered(TradeSecret secret) {
    return EvidenceRecord.of("SECRET_REGISTERED").secrets(List.of(secret.getCode()))
        .payload(Map.of("classification", secret.getClassification().name(), "category", secret.getCategory().name(),
            "ownerId", secret.getOwnerId()));
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static List<String> changedFields(SecretDetails a, SecretDetails b) {
    TreeSet<String> changed = new TreeSet<>();
    if (!a.title().equals(b.title())) changed.add("title");
    if (!java.util.Objects.equals(a.summary(), b.summary())) changed.add("summary");
    if (a.category() != b.category()) changed.add("category");
    if (a.classification() != b.classification()) changed.add("classification");
    if (!a.ownerId().equals(b.ownerId())) changed.add("ownerId");
    if (!a.systems().equals(b.systems())) changed.add("systems");
    if (!a.sites().equals(b.sites())) changed.add("sites");
    if (!a.countries().equals(b.countries())) changed.add("countries");
    if (!a.measures().equals(b.measures())) changed.add("measures");
    return List.copyOf(changed);
  }

  /** Rows the caller may see in full: not a crown jewel, or one the caller owns (privileged callers see all). */
  private static Predicate visibleTo(jakarta.persistence.criteria.Root<TradeSecret> root,
      jakarta.persistence.criteria.CriteriaBuilder cb, CordonUser user) {
    return cb.or(cb.notEqual(root.get("classification"), Classification.CROWN_JEWEL), cb.equal(root.get("ownerId"), user.id()));
  }

  /**
   * The requested order for a caller not entitled to every row: a hidden attribute orders only the rows the caller may
   * see; the others sort as if it were empty, among themselves by code, so their position reveals nothing of it.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Specification<TradeSecret> orderedFor(org.springframework.data.domain.Sort sort, CordonUser user) {
    return (root, query, cb) -> {
      if (query.getResultType() == Long.class || query.getResultType() == long.class) {
        return null; // the count query
      }
      List<jakarta.persistence.criteria.Order> orders = new ArrayList<>();
      for (org.springframework.data.domain.Sort.Order o : sort) {
        jakarta.persistence.criteria.Expression attribute = root.get(o.getProperty());
        jakarta.persistence.criteria.Expression key = HIDDEN.contains(o.getProperty())
            ? cb.selectCase().when(visibleTo(root, cb, user), attribute).otherwise(cb.nullLiteral(attribute.getJavaType()))
            : attribute;
        orders.add(o.isAscending() ? cb.asc(key) : cb.desc(key));
      }
      orders.add(cb.asc(root.get("code")));
      query.orderBy(orders);
      return null;
    };
  }

  private static Specification<TradeSecret> matching(SecretFilter f, CordonUser user) {
    return (root, query, cb) -> {
      List<Predicate> all = new ArrayList<>();
      boolean privileged = SecretAccess.isPrivileged(user);
      if (f.status() != null) all.add(cb.equal(root.get("status"), f.status()));
      if (f.classification() != null) all.add(cb.equal(root.get("classification"), f.classification()));
      // A crown jewel the caller may not see never matches on an attribute the caller may not see.
      if (f.category() != null) {
        Predicate p = cb.equal(root.get("category"), f.category());
        all.add(privileged ? p : cb.and(p, visibleTo(root, cb, user)));
      }
      if (f.ownerId() != null) {
        Predicate p = cb.equal(root.get("ownerId"), f.ownerId());
        all.add(privileged ? p : cb.and(p, visibleTo(root, cb, user)));
      }
      if (f.q() != null && !f.q().isBlank()) {
        String like = "%" + f.q().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Predicate codeMatches = cb.like(cb.lower(root.get("code")), like, '\\');
        Predicate titleMatches = cb.like(cb.lower(root.get("title")), like, '\\');
        if (!privileged) {
          // A title search must not reveal what a crown jewel the caller may not see is about.
          titleMatches = cb.and(titleMatches, visibleTo(root, cb, user));
        }
        all.add(cb.or(codeMatches, titleMatches));
      }
      return cb.and(all.toArray(Predicate[]::new));
    };
  }
}
