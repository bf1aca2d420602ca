package io.cordon.portal;

import io.cordon.platform.ConflictException;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The partner's pages behind a link: the request to answer ({@code GET}), the answer ({@code POST}, a plain form),
 * then the receipt. A used, expired or withdrawn link gets a page saying so and whom to ask (410); a refused answer
 * gets the page again with what to correct (400) and nothing kept. Never a stack trace.
 */
@Controller
class PortalController {

  private static final Logger log = LoggerFactory.getLogger(PortalController.class);
  static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final PortalService portal;
  private final PortalPages pages;
  private final PortalProperties properties;

  private final org.springframework.context.MessageSource messages;

  PortalController(PortalService portal, PortalPages pages, PortalProperties properties,
      org.springframework.context.MessageSource messages) {
    this.messages = messages;
    this.portal = portal;
    this.pages = pages;
    this.properties = properties;
  }

  @GetMapping(PartnerLinks.PATH + "{token}")
  ResponseEntity<String> show(@PathVariable String token, HttpServletRequest request) {
    return answerPage(token, request, Map.of(), List.of(), List.of(), HttpStatus.OK);
  }

  /** A document the page offers ({@code ?file=name}): the agreement to sign, while the link can be answered. */
  @GetMapping(path = PartnerLinks.PATH + "{token}", params = "file")
  ResponseEntity<?> download(@PathVariable String token, @RequestParam("file") String fileName,
      HttpServletRequest request) {
    Locale locale = PortalPages.locale(request);
    try {
      PartnerRequestType.Download d = portal.download(token, fileName);
      return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName()).build().toString())
          .header("X-Content-Type-Options", "nosniff")
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .body(d.content());
    } catch (LinkUnavailableException e) {
      return unavailable(e.state(), locale);
    } catch (NotFoundException e) {
      return pages.page(HttpStatus.NOT_FOUND, "unavailable", locale, Map.of("state", "UNKNOWN",
          "helpContact", properties.helpContact()));
    }
  }

  @PostMapping(path = PartnerLinks.PATH + "{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> submit(@PathVariable String token, HttpServletRequest request) {
    return submit(token, request, Map.of());
  }

  /** An answer with a file (the signed NDA, the signed certificate). */
  @PostMapping(path = PartnerLinks.PATH + "{token}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<String> upload(@PathVariable String token, MultipartHttpServletRequest request) throws IOException {
    Map<String, PartnerRequestType.Upload> files = new LinkedHashMap<>();
    for (Map.Entry<String, List<MultipartFile>> field : request.getMultiFileMap().entrySet()) {
      for (MultipartFile file : field.getValue()) {
        if (!file.isEmpty()) {
          // A second file in one field (a tampered form) gets a name no request has, and is refused.
          String name = files.containsKey(field.getKey()) ? field.getKey() + "#" + files.size() : field.getKey();
          files.put(name, new PartnerRequestType.Upload(name, file.getOriginalFilename(), file.getContentType(),
              file.getBytes()));
        }
      }
    }
    return submit(token, request, files);
  }

  private ResponseEntity<String> submit(String token, HttpServletRequest request,
      Map<String, PartnerRequestType.Upload> files) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    request.getParameterMap().forEach((k, v) -> form.put(k, List.of(v)));
    Locale locale = PortalPages.locale(request);
    try {
      PortalService.Receipt receipt = portal.submit(token, form, files);
      Map<String, Object> model = new HashMap<>();
      model.put("receipt", receipt);
      model.put("submittedAt", UTC.format(receipt.submittedAt()));
      model.put("helpContact", properties.helpContact());
      return pages.page(HttpStatus.OK, "receipt", locale, model);
    } catch (LinkUnavailableException e) {
      return unavailable(e.state(), locale);
    } catch (PortalService.ConfirmationIncomplete e) {
      return answerPage(token, request, form, e.keys(), List.of(), HttpStatus.BAD_REQUEST);
    } catch (InvalidInputException | ConflictException | NotFoundException | BadUserRequestException e) {
      String said = Refusal.in(e).map(r -> messages.getMessage(r.key(), r.args(), r.getMessage(), locale))
          .orElseGet(() -> sentence(e));
      return answerPage(token, request, form, List.of(), List.of(said), HttpStatus.BAD_REQUEST);
    } catch (io.cordon.workflow.FormRefusedException e) {
      return answerPage(token, request, form, List.of(), List.of(e.getMessage()), HttpStatus.BAD_REQUEST);
    } catch (RuntimeException e) {
      // Not the contact's mistake (the database away, a deadlock): nothing was kept, the link still works.
      log.error("A partner answer through link could not be saved", e);
      return pages.page(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", locale, Map.of("state", "FAILED",
          "helpContact", properties.helpContact()));
    }
  }

  private ResponseEntity<String> answerPage(String token, HttpServletRequest request, Map<String, List<String>> form,
      List<String> errorKeys, List<String> errors, HttpStatus status) {
    Locale locale = PortalPages.locale(request);
    try {
      PortalService.Page page = portal.page(token, form);
      Map<String, Object> model = new HashMap<>(page.request().model());
      model.put("link", page.link());
      model.put("partnerName", page.partnerName());
      model.put("expires", UTC.format(page.link().expiresAt()));
      model.put("action", PartnerLinks.PATH + token + "?lang=" + locale.getLanguage());
      model.put("pagePath", PartnerLinks.PATH + token);
      model.put("respondentName", value(form, PortalService.NAME, page.link().contactName()));
      model.put("respondentRole", value(form, PortalService.ROLE, page.link().contactRole()));
      model.put("errorKeys", errorKeys);
      model.put("errors", errors);
      model.put("helpContact", properties.helpContact());
      return pages.page(status, page.request().template(), locale, model);
    } catch (LinkUnavailableException e) {
      return unavailable(e.state(), locale);
    }
  }

  private ResponseEntity<String> unavailable(PartnerLink.State state, Locale locale) {
    return pages.page(HttpStatus.GONE, "unavailable", locale, Map.of("state", state.name(),
        "helpContact", properties.helpContact()));
  }

  private static String value(Map<String, List<String>> form, String name, String fallback) {
    List<String> v = form.get(name);
    return v == null || v.isEmpty() ? fallback : v.get(0);
  }

  /** The service's sentence; a message that is not one (an engine code) is not shown. */
  private static String sentence(RuntimeException e) {
    String message = e.getMessage();
    if (message == null || message.matches("(?s).*(ENGINE-\\d|Exception|\\bat [a-z]+\\.).*")) {
      log.warn("Partner answer refused without a sentence for the contact", e);
      return "Your answer could not be taken as it is. Please check it and send it again.";
    }
    return message;
  }
}
