package io.cordon.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.SQLException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsAdviceTest {

  record Command(@NotBlank String name, @Size(max = 5) String code) {
  }

  @RestController
  static class Failing {
    @GetMapping("/missing")
    void missing() {
      throw new NotFoundException("No trade secret with code TS-9999.");
    }

    @GetMapping("/duplicate")
    void duplicate() {
      throw new DataIntegrityViolationException("could not execute statement",
          new SQLException("Duplicate entry 'TS-0001' for key 'uk_secret_code' [insert into trade_secret ...]"));
    }

    @GetMapping("/boom")
    void boom() {
      throw new IllegalStateException("NullPointer in com.example.Internal at line 42: select * from secrets");
    }

    @PostMapping("/commands")
    void command(@Valid @RequestBody Command command) {
    }
  }

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
      .setControllerAdvice(new ProblemDetailsAdvice()).build();

  @Test
  void domainNotFoundIs404WithTheMessage() throws Exception {
    mvc.perform(get("/missing"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("No trade secret with code TS-9999."));
  }

  @Test
  void integrityViolationIs409WithoutSql() throws Exception {
    mvc.perform(get("/duplicate"))
        .andExpect(status().isConflict())
        .andExpect(content().string(Matchers.not(Matchers.containsString("insert into"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("uk_secret_code"))));
  }

  @Test
  void unexpectedErrorIs500WithAReferenceAndNoInternals() throws Exception {
    mvc.perform(get("/boom"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.reference").isNotEmpty())
        .andExpect(content().string(Matchers.not(Matchers.containsString("com.example"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("IllegalState"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("select"))));
  }

  @Test
  void invalidBodyListsEveryFieldError() throws Exception {
    mvc.perform(post("/commands").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"code\":\"TOO-LONG\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.length()").value(2))
        .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("name", "code")));
  }

  @Test
  void malformedJsonIs400WithoutParserInternals() throws Exception {
    mvc.perform(post("/commands").contentType(MediaType.APPLICATION_JSON).content("{\"name\": [1,"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(Matchers.not(Matchers.containsString("Jackson"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("ProblemDetailsAdviceTest"))));
  }
}
