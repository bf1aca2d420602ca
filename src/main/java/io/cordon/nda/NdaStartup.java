package io.cordon.nda;

import io.cordon.nda.TemplateCatalogue.TemplateInfo;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Start-up work of the NDA engine. Before the web server accepts requests: compile every shipped template and render
 * one sample document per template in memory, which loads docx4j's JAXB context and warms the renderer, so the first
 * real NDA does not pay for it. Then, once the database and engine are up: register shipped template versions and
 * evaluate the selection tables once.
 */
@Configuration
@EnableConfigurationProperties(CompanyProfile.class)
class NdaStartup implements SmartInitializingSingleton, ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(NdaStartup.class);
  private static final CompanyProfile SAMPLE_COMPANY = new CompanyProfile("Sample Ltd", "样例有限公司", "0000", "Sample address", "GB");

  private final TemplateCatalogue catalogue;
  private final TemplateVersions versions;
  private final ClauseLibrary library;
  private final ClauseSelection selection;
  private final IdentityService identityService;

  NdaStartup(TemplateCatalogue catalogue, TemplateVersions versions, ClauseLibrary library, ClauseSelection selection,
      IdentityService identityService) {
    this.catalogue = catalogue;
    this.versions = versions;
    this.library = library;
    this.selection = selection;
    this.identityService = identityService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    long start = System.nanoTime();
    NdaSubjects.Partner partner = new NdaSubjects.Partner("SAMPLE", "Sample Partner", "样例合作方", "CN",
        NdaSubjects.PartnerType.SUPPLIER, "Sample address", "0000");
    List<NdaSubjects.Secret> secrets = List.of(new NdaSubjects.Secret("TS-0000", NdaSubjects.SecretCategory.TECHNICAL,
        NdaSubjects.Classification.CONFIDENTIAL));
    List<NdaContent.ChosenClause> clauses = library.latest().stream().filter(c -> c.languages().contains("zh"))
        .map(c -> new NdaContent.ChosenClause(c, null)).toList();
    for (TemplateInfo template : catalogue.all()) {
      byte[] bytes = catalogue.shipped(template);
      versions.precompile(bytes);
      CompiledTemplate compiled = CompiledTemplate.compile(bytes);
      DocumentData data = switch (template.document()) {
        case NDA -> NdaDocuments.nda(template, new NdaContent("NDA-0", LocalDate.EPOCH, NdaKind.MUTUAL, "warm-up", 1, 1,
            partner, secrets, clauses, SAMPLE_COMPANY));
        case CERTIFICATE -> NdaDocuments.certificate(template, "NDA-0", LocalDate.EPOCH, LocalDate.EPOCH, partner, secrets,
            SAMPLE_COMPANY);
        case LETTER -> NdaDocuments.letter(template, new LetterService.LetterRequest("LI-0", LocalDate.EPOCH, LocalDate.EPOCH,
            "SAMPLE", List.of("TS-0000"), List.of(new LetterService.Agreement("NDA-0", 1))), partner,
            List.of("NDA-0, version 1"), List.of("Remedies"), List.of("NDA-0: courts"), SAMPLE_COMPANY);
      };
      DocxRenderer.render(compiled, data);
    }
    log.info("NDA templates compiled and renderer warmed in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  @Override
  public void run(ApplicationArguments args) {
    versions.registerShipped();
    // No authenticated user here: the engine checks no authorizations for this warm-up evaluation.
    identityService.clearAuthentication();
    selection.select(new ClauseSelection.Inputs("CN", NdaSubjects.PartnerType.SUPPLIER, NdaKind.MUTUAL,
        NdaSubjects.Classification.CROWN_JEWEL, false));
  }
}
