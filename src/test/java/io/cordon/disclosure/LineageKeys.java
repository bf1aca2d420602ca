package io.cordon.disclosure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/** The secrets and partners of the generated register, and which of them hold or are held the most. */
record LineageKeys(List<String> secrets, Map<String, Long> secretIds, List<String> partners, List<String> heavySecrets,
    int heaviestSecretCount, String heaviestPartner, int heaviestPartnerCount) {

  static LineageKeys load(JdbcTemplate jdbc) {
    Map<String, Long> secretIds = new HashMap<>();
    jdbc.query("select code, id from trade_secret order by id", rs -> {
      secretIds.put(rs.getString(1), rs.getLong(2));
    });
    List<String> secrets = jdbc.queryForList("select code from trade_secret order by id", String.class);
    List<String> partners = jdbc.queryForList("select code from partner order by id", String.class);
    List<Map<String, Object>> heavy = jdbc.queryForList("select s.code, x.n from (select secret_id, count(*) n "
        + "from disclosure group by secret_id order by n desc limit 100) x join trade_secret s on s.id = x.secret_id order by x.n desc");
    Map<String, Object> heaviestPartner = jdbc.queryForMap("select p.code, x.n from (select partner_id, count(*) n "
        + "from disclosure group by partner_id order by n desc limit 1) x join partner p on p.id = x.partner_id");
    return new LineageKeys(secrets, secretIds, partners, heavy.stream().map(r -> (String) r.get("code")).toList(),
        ((Number) heavy.get(0).get("n")).intValue(), (String) heaviestPartner.get("code"),
        ((Number) heaviestPartner.get("n")).intValue());
  }

  String heaviestSecret() {
    return heavySecrets.get(0);
  }

  long secretId(String code) {
    return secretIds.get(code);
  }

  String randomSecret(SplittableRandom random) {
    return secrets.get(random.nextInt(secrets.size()));
  }

  String randomHeavySecret(SplittableRandom random) {
    return heavySecrets.get(random.nextInt(heavySecrets.size()));
  }

  String randomPartner(SplittableRandom random) {
    return partners.get(random.nextInt(partners.size()));
  }
}
