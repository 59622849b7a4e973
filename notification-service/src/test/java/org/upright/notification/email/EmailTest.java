package org.upright.notification.email;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.upright.events.AdviceIssued;
import org.upright.events.EventJson;
import org.upright.events.Severity;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicWriter;

/** E-mail nudges through a real SMTP server that receives them. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
@WithTestResource(SmtpTestResource.class)
class EmailTest {

    @Test
    void aNudgeArrivesAsAReadableMailWithItsWhy() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String address = user + "@example.com";
        as(user).contentType(ContentType.JSON)
                .body("{\"quietHours\": {}, \"channels\": [\"email\"], \"email\": \"" + address + "\"}")
                .when().put("/api/v1/users/{user}/preferences", user).then().statusCode(200);
        AdviceIssued advice = new AdviceIssued(UUID.randomUUID(), user, "sitting-long-day", Severity.WARNING,
                "You sat for 9 h 10 min on Tuesday 24 November, more than 8 h 0 min.", 550, 480, "min/d",
                new AdviceIssued.Source("Causes and treatment of lower back spasms (Medical News Today, 2018)",
                        "Causes: sitting and lack of exercise", "Sitting for long periods weakens the back muscles."),
                "2026-11-24", Instant.now());
        publish(advice);

        MimeMessage mail = awaitMailTo(address);
        assertEquals("Upright: A long day of sitting", mail.getSubject());
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertTrue(raw.contains("text/plain") && raw.contains("text/html"), "a text and an HTML part");
        String body = GreenMailUtil.getBody(mail).replaceAll("=\\r?\\n", "");
        assertTrue(body.contains("You sat for 9 h 10 min"), body);
        assertTrue(body.contains("Sitting for long periods weakens the back muscles."), body);
        assertTrue(body.contains("Causes and treatment of lower back spasms"), body);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/deliveries", user)
                .then().body("[0].status", equalTo("delivered")));
    }

    /** RFC 8058: a mail client's one-click unsubscribe turns e-mail off and leaves every other preference as it was. */
    @Test
    void theUnsubscribeLinkOfAMailTurnsEmailOffInOneClick() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String address = user + "@example.com";
        as(user).contentType(ContentType.JSON)
                .body("{\"quietHours\": {}, \"dailyCap\": 4, \"channels\": [\"email\", \"stream\"], \"email\": \"" + address + "\"}")
                .when().put("/api/v1/users/{user}/preferences", user).then().statusCode(200);
        AdviceIssued advice = new AdviceIssued(UUID.randomUUID(), user, "posture-poor", Severity.WARNING, "a message", 40, 30, "%",
                new AdviceIssued.Source("doc", "section", "point"), "2026-W48", Instant.now());
        publish(advice);

        MimeMessage mail = awaitMailTo(address);
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post", null));
        String header = mail.getHeader("List-Unsubscribe", null);
        assertTrue(header != null && header.startsWith("<http://upright.test/api/v1/unsubscribe/email?token=") && header.endsWith(">"), header);
        String link = header.substring(1, header.length() - 1);
        assertTrue(plainText(mail).contains(link), "the link is in the mail's text too");
        String path = link.substring("http://upright.test".length());

        // a link scanner or a person opening the link only sees a page with a button
        given().when().get(path).then().statusCode(200).contentType(ContentType.HTML).body(containsString("<form method=\"post\""));
        as(user).when().get("/api/v1/users/{user}/preferences", user).then().body("channels", hasItem("email"));

        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click").when().post(path).then().statusCode(200);
        as(user).when().get("/api/v1/users/{user}/preferences", user).then()
                .body("channels", equalTo(List.of("stream"))).body("dailyCap", equalTo(4)).body("email", equalTo(address));
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .when().post("/api/v1/unsubscribe/email?token=" + "x".repeat(43)).then().statusCode(404);
    }

    @Test
    void withoutAnAddressNoMailIsSentAndTheLogSaysWhy() {
        String user = "user-" + UUID.randomUUID();
        as(user).contentType(ContentType.JSON).body("{\"quietHours\": {}, \"channels\": [\"email\"]}")
                .when().put("/api/v1/users/{user}/preferences", user).then().statusCode(200);
        AdviceIssued advice = new AdviceIssued(UUID.randomUUID(), user, "posture-poor", Severity.WARNING, "a message", 40, 30, "%",
                new AdviceIssued.Source("doc", "section", "point"), "2026-W48", Instant.now());
        publish(advice);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/deliveries", user)
                .then().body("[0].status", equalTo("skipped")).body("[0].detail", equalTo("no e-mail address in the preferences")).body("[0].reason", equalTo("pushed")));
    }

    private static void publish(AdviceIssued advice) {
        TopicWriter.write(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), Topics.ADVICE_ISSUED,
                advice.userId(), EventJson.write(advice), Map.of("ce_id", advice.adviceId().toString()));
    }

    private static MimeMessage awaitMailTo(String address) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(SmtpTestResource.server().getReceivedMessages())
                .anyMatch(message -> recipient(message).equals(address)));
        return Arrays.stream(SmtpTestResource.server().getReceivedMessages())
                .filter(message -> recipient(message).equals(address)).findFirst().orElseThrow();
    }

    /** The mail's text/plain part, decoded. */
    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String text = plainText(parts.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(LocalInfraTestResource.personToken(user));
    }
}
