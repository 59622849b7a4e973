package org.upright.activity.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.upright.events.Rfc3339;

/**
 * Request bodies read their date-times as the topics' records do: RFC 3339 quickly, anything else
 * as before, and always with the offset they were written with, which decides an event's day and
 * week when it names no zone. Applied last: the module registered last wins, and Quarkus's own
 * Java time module would otherwise read them, moved to UTC.
 */
@Singleton
public class QuickDateTimes implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(Rfc3339.module());
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
