package dev.mailgate.approval;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test shortcuts for the review console: sign in, read a page's CSRF token, post a form. */
final class ConsoleClient {

  static final String COOKIE = "mailgate_console";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private ConsoleClient() {}

  /** Signs in with {@code token} as the page script does; returns the response. */
  static Response signIn(String token) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("token", token))
        .post("/console/session");
  }

  /** The session cookie of a successful sign-in. */
  static String session(String token) {
    Response response = signIn(token);
    if (response.statusCode() != 204) {
      throw new AssertionError("sign-in refused: " + response.statusCode());
    }
    return response.cookie(COOKIE);
  }

  static RequestSpecification with(String session) {
    return given().redirects().follow(false).cookie(COOKIE, session);
  }

  /** The CSRF token the queue page gives this session. */
  static String csrf(String session) {
    String html = with(session).get("/console/queue").then().statusCode(200).extract().asString();
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF token on the queue page");
    }
    return m.group(1);
  }

  /** A form post from the console's own pages. */
  static RequestSpecification form(String session) {
    return with(session).contentType(ContentType.URLENC);
  }
}
