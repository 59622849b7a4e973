package org.upright.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents Kafka binding in binary mode, as every Upright producer writes it: the record's
 * value is the JSON data, its attributes are {@code ce_} headers.
 */
public final class CloudEventHeaders {

    private static final byte[] SPEC_VERSION = utf8("1.0");
    private static final byte[] JSON = utf8("application/json");

    private CloudEventHeaders() {
    }

    /**
     * The headers of one record. Id, type and time come encoded, so a producer on a hot path
     * encodes what its records share once.
     */
    public static RecordHeaders binary(byte[] id, byte[] type, String source, String subject, byte[] time) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", SPEC_VERSION);
        headers.add("ce_id", id);
        headers.add("ce_type", type);
        headers.add("ce_source", utf8(source));
        headers.add("ce_subject", utf8(subject));
        headers.add("ce_time", time);
        headers.add("content-type", JSON);
        return headers;
    }

    public static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
