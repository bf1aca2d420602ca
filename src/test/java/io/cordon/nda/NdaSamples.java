package io.cordon.nda;

import io.cordon.nda.NdaSubjects.Classification;
import io.cordon.nda.NdaSubjects.Partner;
import io.cordon.nda.NdaSubjects.PartnerType;
import io.cordon.nda.NdaSubjects.Secret;
import io.cordon.nda.NdaSubjects.SecretCategory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Realistic inputs for document tests: partners in several jurisdictions, a Schedule A, the company profile. */
final class NdaSamples {

  static final CompanyProfile COMPANY = new CompanyProfile("Northwind Precision Components Ltd", "诺斯温精密部件有限公司",
      "GB 04711842", "12 Harbour Road\nBristol BS1 5TT\nUnited Kingdom", "GB");

  static final Partner SHENZHEN = new Partner("P-SZ-001", "Shenzhen Lianfa Moulding Co., Ltd.", "深圳联发模具有限公司", "CN",
      PartnerType.CONTRACT_MANUFACTURER, "广东省深圳市宝安区福海街道展城社区 18 号", "91440300MA5F2XXXX1");
  static final Partner STUTTGART = new Partner("P-DE-002", "Kessler Sensorik GmbH", null, "DE", PartnerType.SUPPLIER,
      "Industriestraße 4\n70565 Stuttgart", "HRB 765432");
  static final Partner OHIO = new Partner("P-US-003", "Lakeshore Test Labs LLC", null, "US", PartnerType.SERVICE_PROVIDER,
      "400 Euclid Avenue, Cleveland, OH 44114", "OH-4412873");
  static final Partner LEEDS = new Partner("P-GB-004", "Aire Valley Tooling Ltd", null, "GB", PartnerType.SUPPLIER,
      "7 Kirkstall Road, Leeds LS3 1LH", "08812345");

  static final LocalDate EFFECTIVE = LocalDate.of(2026, 3, 2);

  static List<Secret> secrets(int n) {
    List<Secret> list = new ArrayList<>();
    SecretCategory[] categories = SecretCategory.values();
    Classification[] classes = Classification.values();
    for (int i = 0; i < n; i++) {
      list.add(new Secret(String.format("TS-%04d", 40 + i), categories[i % categories.length], classes[i % classes.length]));
    }
    return list;
  }

  static List<NdaContent.ChosenClause> clauses(ClauseLibrary library, String... keys) {
    return java.util.Arrays.stream(keys).map(k -> new NdaContent.ChosenClause(library.latest(k), null)).toList();
  }

  static NdaContent content(Partner partner, NdaKind kind, List<NdaContent.ChosenClause> clauses, List<Secret> secrets) {
    return new NdaContent("NDA-00042", EFFECTIVE, kind, "evaluating the supply of injection-moulded sensor housings", 24, 5,
        partner, secrets, clauses, COMPANY);
  }

  private NdaSamples() {
  }
}
