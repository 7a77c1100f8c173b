package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing on JPA, as {@code Sql.page} gives it on JDBC: the total of the whole listing, and the
 * rows only when the page starts before its end. The rows query's ORDER BY must make the order total.
 */
final class PageQuery {

    private PageQuery() {}

    static <E, T> Page<T> page(
            TypedQuery<Long> count, TypedQuery<E> rows, Function<E, T> translation, PageRequest request) {
        long total = count.getSingleResult();
        List<T> items = List.of();
        if (total > request.offset()) {
            items = rows.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList().stream()
                    .map(translation)
                    .toList();
        }
        return new Page<>(items, request.page(), request.size(), total);
    }
}
