package org.upright.problems;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Inflates gzip and deflate request bodies as they are read. The body limit counts the inflated
 * bytes, so a small body that inflates to gigabytes is refused (413) once it passes the limit, not
 * read into memory; a body that is not the coding it claims is a 400.
 */
@Provider
public class InflatedBodies implements ReaderInterceptor {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        ContentCodings.Coding coding = ContentCodings.Coding.of(context.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING));
        if (coding == ContentCodings.Coding.GZIP || coding == ContentCodings.Coding.DEFLATE) {
            InputStream sent = context.getInputStream();
            InputStream inflating;
            try {
                inflating = coding == ContentCodings.Coding.GZIP ? new GZIPInputStream(sent) : new InflaterInputStream(sent);
            } catch (ZipException | EOFException e) {
                throw notThatCoding(coding, e);
            }
            context.setInputStream(new Inflated(inflating, coding, maxBodySize.asLongValue()));
            context.getHeaders().remove(HttpHeaders.CONTENT_ENCODING);
        }
        return context.proceed();
    }

    private static MalformedBodyException notThatCoding(ContentCodings.Coding coding, IOException e) {
        return new MalformedBodyException("is not valid " + coding.name().toLowerCase(Locale.ROOT) + " data, as its Content-Encoding says"
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    /** Counts what it inflates and stops at the limit; a broken stream is the client's error, not an I/O failure. */
    private static final class Inflated extends FilterInputStream {

        private final ContentCodings.Coding coding;
        private final long limit;
        private long read;

        Inflated(InputStream inflating, ContentCodings.Coding coding, long limit) {
            super(inflating);
            this.coding = coding;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (ZipException | EOFException e) {
                throw notThatCoding(coding, e);
            }
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new TooLargeException("A request body may be at most " + limit + " bytes once inflated");
                }
            }
            return n;
        }
    }
}
