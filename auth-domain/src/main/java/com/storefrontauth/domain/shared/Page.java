package com.storefrontauth.domain.shared;

import java.util.List;

/** One page of a listing; {@code page} counts from 1. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;
}
