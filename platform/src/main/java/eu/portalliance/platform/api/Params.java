package eu.portalliance.platform.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Query parameters, each checked with a message that says what is wrong and what would be right. */
final class Params {
    /** A bad parameter: answered with HTTP 400 and this message. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    private final Context ctx;

    Params(Context ctx) {
        this.ctx = ctx;
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isBlank());
    }

    /** An ISO date (2025-01-06, meaning its start in UTC) or instant (2025-01-06T12:00:00Z). */
    Instant instant(String name, Instant fallback) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return v.get().length() == 10 ? LocalDate.parse(v.get()).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v.get());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + "=" + v.get() + " is not a date: use 2025-01-06 or 2025-01-06T12:00:00Z");
        }
    }

    int integer(String name, int fallback, int min, int max) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + "=" + v.get() + " must be a whole number from " + min + " to " + max);
        }
    }

    <E extends Enum<E>> Optional<E> enumeration(String name, Class<E> type) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, v.get().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(name + "=" + v.get() + " is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    String oneOf(String name, String fallback, String... allowed) {
        String v = text(name).orElse(fallback);
        if (Arrays.asList(allowed).contains(v)) {
            return v;
        }
        throw new BadRequest(name + "=" + v + " is not one of " + Arrays.toString(allowed));
    }

    /** A path identifier, checked: {@code problem} says what is wrong with it, if anything. */
    static String identifier(String id, Optional<String> problem, String example) {
        if (id == null || id.isBlank()) {
            throw new BadRequest("give the identifier in the path, e.g. " + example);
        }
        problem.ifPresent(p -> {
            throw new BadRequest(p);
        });
        return id;
    }
}
