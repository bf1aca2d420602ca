package io.cordon.console;

import io.cordon.dispute.EvidencePacks;
import io.cordon.dispute.PackBuilds;
import io.cordon.identity.Roles;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Evidence packs built in the background from the console: the secret's or partner's page starts the build (the same
 * {@link PackBuilds} as the API's {@code POST}, with the same access rules), the build's page follows it by reloading
 * itself every few seconds until the ZIP is ready or the build failed, then offers the download.
 */
@Controller
@RequestMapping("/console/packs")
@PreAuthorize(Roles.ANY_MEMBER)
class PackPages {

  /** Seconds between two reloads of a build's page while the build runs. */
  static final int REFRESH_SECONDS = 2;
  /**
   * The phases of a build in the order they usually end ({@code EvidencePacks}; lineage.xlsx and the report are made
   * beside the others), each with its text in the bundle ({@code packBuild.phase.*}), for the progress bar.
   */
  static final Map<String, String> PHASES = phases("started", "started", "read register and events, scorecard", "read",
      "lineage.xlsx", "lineage", "events.jsonl, chain links, anchor", "events", "NDA documents and certificates", "documents",
      "report.docx", "report", "report.pdf", "pdf", "waiting for the parts made in parallel", "parts", "manifest and zip", "zip",
      "evidence event", "event");

  private static Map<String, String> phases(String... phaseAndKey) {
    Map<String, String> phases = new LinkedHashMap<>();
    for (int i = 0; i < phaseAndKey.length; i += 2) {
      phases.put(phaseAndKey[i], "packBuild.phase." + phaseAndKey[i + 1]);
    }
    return Collections.unmodifiableMap(phases);
  }

  private final PackBuilds builds;

  PackPages(PackBuilds builds) {
    this.builds = builds;
  }

  @PostMapping("/secrets/{code}")
  @PreAuthorize("hasAnyRole('secret-owners','legal','security','admins')")
  String secret(@PathVariable String code) {
    return "redirect:/console/packs/" + builds.start(new EvidencePacks.Subject(EvidencePacks.Kind.SECRET, code)).id();
  }

  @PostMapping("/partners/{code}")
  @PreAuthorize("hasAnyRole('legal','security','admins')")
  String partner(@PathVariable String code) {
    return "redirect:/console/packs/" + builds.start(new EvidencePacks.Subject(EvidencePacks.Kind.PARTNER, code)).id();
  }

  @GetMapping("/{id}")
  String build(@PathVariable String id, Model model, HttpServletResponse response) {
    PackBuilds.BuildView build = builds.get(id);
    boolean running = build.status() == PackBuilds.Status.QUEUED || build.status() == PackBuilds.Status.RUNNING;
    if (running) {
      response.setHeader("Refresh", String.valueOf(REFRESH_SECONDS));
    }
    response.setHeader("Cache-Control", "no-store");
    int step = build.phase() == null ? 0 : List.copyOf(PHASES.keySet()).indexOf(build.phase()) + 1;
    model.addAttribute("build", build);
    model.addAttribute("running", running);
    model.addAttribute("step", Math.max(step, 0));
    model.addAttribute("steps", PHASES.size());
    model.addAttribute("phaseKey", build.phase() == null ? null : PHASES.get(build.phase()));
    model.addAttribute("subjectPath", switch (build.kind()) {
      case "SECRET" -> "/console/secrets/" + build.code();
      case "PARTNER" -> "/console/partners/" + build.code();
      default -> null;
    });
    model.addAttribute("startPath", switch (build.kind()) {
      case "SECRET" -> "/console/packs/secrets/" + build.code();
      case "PARTNER" -> "/console/packs/partners/" + build.code();
      default -> null;
    });
    return "packs/build";
  }
}
