package com.storefrontauth.domain.shared;

/** Which page of a listing a caller asked for, already bounded. */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 1) {
            throw DomainException.invalidField("page", "must be 1 or more");
        }
        if (size < 1 || size > Page.MAX_SIZE) {
            throw DomainException.invalidField("size", "must be between 1 and " + Page.MAX_SIZE);
        }
    }

    public int offset() {
        return (page - 1) * size;
    }
}
