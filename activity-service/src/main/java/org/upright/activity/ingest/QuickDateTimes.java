package org.upright.activity.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.upright.events.Rfc3339;

/** Request bodies read their date-times as the topics' records do: RFC 3339 quickly, anything else as before. */
@Singleton
public class QuickDateTimes implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(Rfc3339.module());
    }
}
