package com.storefrontauth.domain.integration;

/** A copy-ready piece of code for one way of connecting to a store; {@code language} names its syntax. */
public record Snippet(String id, String title, String language, String text) {}
