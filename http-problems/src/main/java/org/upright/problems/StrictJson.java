package org.upright.problems;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read whole and as written. Anything after the first JSON value is an error:
 * otherwise {@code {…} {…}} would be read as its first event alone, answered 202, and the rest
 * lost. A number or a boolean sent as a string ({@code "mets": "4"}) is an error too, rather
 * than a guess at what the client meant.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }
}
