package org.upright.problems;

/** A request larger than the service takes (body size, batch length); answered 413. */
public class TooLargeException extends RuntimeException {

    public TooLargeException(String detail) {
        super(detail);
    }
}
