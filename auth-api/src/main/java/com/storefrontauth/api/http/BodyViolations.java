package com.storefrontauth.api.http;

import com.storefrontauth.domain.shared.FieldErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bean Validation's violations of a request record as API.md's {@code errors} member: JSON name to messages. */
public final class BodyViolations {

    private BodyViolations() {}

    /** Each field in the record's order, each message once; empty if a violation is not about a request body. */
    public static Optional<Map<String, List<String>>> byField(Collection<? extends ConstraintViolation<?>> violations) {
        List<Field> fields = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            Optional<Field> field = Field.of(violation);
            if (field.isEmpty()) {
                return Optional.empty();
            }
            fields.add(field.get());
        }
        fields.sort(Comparator.comparingInt(Field::position).thenComparing(Field::message));
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Field field : fields) {
            List<String> messages = errors.computeIfAbsent(field.name(), name -> new ArrayList<>());
            if (!messages.contains(field.message())) {
                messages.add(field.message());
            }
        }
        return Optional.of(errors);
    }

    /** Adds the violations to errors a route collects itself (so one answer names every bad field). */
    public static FieldErrors into(FieldErrors errors, Collection<? extends ConstraintViolation<?>> violations) {
        byField(violations)
                .orElseThrow(() -> new IllegalArgumentException("not a request body's violations"))
                .forEach((name, messages) -> messages.forEach(message -> errors.add(name, message)));
        return errors;
    }

    private record Field(String name, int position, String message) {

        /** The member of a request record the violation is about: the last property of its path. */
        static Optional<Field> of(ConstraintViolation<?> violation) {
            if (!(violation.getLeafBean() instanceof Record record)) {
                return Optional.empty();
            }
            String property = null;
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return Optional.empty();
                }
                if (node.getKind() == ElementKind.PROPERTY) {
                    property = node.getName();
                }
            }
            RecordComponent[] components = record.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(property)) {
                    return Optional.of(new Field(WireNames.of(components[i]), i, violation.getMessage()));
                }
            }
            return Optional.empty();
        }
    }
}
