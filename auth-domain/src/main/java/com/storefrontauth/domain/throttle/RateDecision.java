package com.storefrontauth.domain.throttle;

/** The outcome of one request against a rate window, with what the X-RateLimit headers report. */
public record RateDecision(boolean allowed, long limit, long remaining, long resetSeconds) {}
