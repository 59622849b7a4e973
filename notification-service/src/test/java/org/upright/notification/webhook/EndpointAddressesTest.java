package org.upright.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointAddressesTest {

    @ParameterizedTest(name = "{0} (private allowed: {1})")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "https://93.184.215.14/hook          | false | -",
        "http://93.184.215.14:8080/upright   | false | -",
        "https://127.0.0.1/hook              | true  | -",
        "https://127.0.0.1/hook              | false | points at a loopback or private address, which is refused",
        "https://10.1.2.3/hook               | false | points at a loopback or private address, which is refused",
        "https://[fd00::1]/hook              | false | points at a loopback or private address, which is refused",
        "ftp://93.184.215.14/hook            | true  | must be an http or https URL with a host",
        "http:///hook                        | true  | must be an http or https URL with a host",
        "not a url                           | true  | is not a URL",
        "https://user:secret@93.184.215.14/h | true  | must not carry a user name or password: they would show wherever the URL does",
    })
    void aWebhookUrlIsTakenOnlyWhenItIsSafeToCall(String url, boolean allowPrivate, String problem) {
        assertEquals(Optional.ofNullable(problem), EndpointAddresses.problem(url, allowPrivate));
    }

    @ParameterizedTest
    @CsvSource({"2048, true", "2049, false"})
    void aWebhookUrlHasAtMost2048Characters(int length, boolean taken) {
        String base = "https://93.184.215.14/";
        String url = base + "a".repeat(length - base.length());
        assertEquals(taken, EndpointAddresses.problem(url, false).isEmpty());
    }
}
