package org.upright.hello;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;

@Path("/hello")
public class HelloResource {

    @GET
    public String hello() {
        return "hello";
    }

    /** Reads and writes JSON, as the services' endpoints do. */
    @POST
    public Map<String, Object> echo(Map<String, Object> body) {
        return body;
    }
}
