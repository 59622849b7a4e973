package org.upright.problems;

/** A request body that cannot be read at all (as opposed to one that breaks the contract); answered 400. */
public class MalformedBodyException extends RuntimeException {

    /** @param detail what is wrong, following "The body " */
    public MalformedBodyException(String detail) {
        super(detail);
    }
}
