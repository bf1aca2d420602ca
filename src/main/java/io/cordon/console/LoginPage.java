package io.cordon.console;

import io.cordon.identity.WebappLogin;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's sign-in: the same users and the same session as Tasklist. */
@Controller
class LoginPage {

  private final WebappLogin login;

  LoginPage(WebappLogin login) {
    this.login = login;
  }

  @GetMapping("/console/login")
  String form() {
    return "login";
  }

  @PostMapping("/console/login")
  String signIn(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
      HttpServletRequest request, Model model) {
    if (login.login(request, username.trim(), password)) {
      return "redirect:/console";
    }
    model.addAttribute("failed", true);
    model.addAttribute("username", username);
    return "login";
  }
}
