package dev.participation.pledge.internal.store;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.participation.pledge.api.Audience;
import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.Signatory;

/**
 * Pledge content as the JSON text kept in {@code pledge.draft_content} and
 * {@code pledge_version.content}. The stored shape is these private records, not the API's, so
 * a published version written today stays readable however the API records grow: the audience is
 * kept by its {@link Audience#key()}, dates as ISO text, and fields a later version adds are
 * ignored by an older reader.
 */
final class StoredContentJson {

    /** The stored format; bump it and read both if the shape ever changes incompatibly. */
    static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record StoredContent(int format, String title, String audience, String introduction,
            String easyReadIntroduction, List<StoredPrinciple> principles, List<StoredSignatory> signatories) {
    }

    record StoredPrinciple(String key, String title, String promise, String easyReadPromise, String imageUrl,
            String imageAlt, List<StoredCommitment> commitments) {
    }

    record StoredCommitment(String key, String text, String easyReadText) {
    }

    record StoredSignatory(String name, String role, LocalDate signedOn) {
    }

    private StoredContentJson() {
    }

    static String write(PledgeContent content) {
        StoredContent stored = new StoredContent(FORMAT, content.title(),
                content.audience() == null ? null : content.audience().key(), content.introduction(),
                content.easyReadIntroduction(),
                content.principles().stream().map(p -> new StoredPrinciple(p.key(), p.title(), p.promise(),
                        p.easyReadPromise(), p.imageUrl(), p.imageAlt(),
                        p.commitments().stream().map(c -> new StoredCommitment(c.key(), c.text(), c.easyReadText()))
                                .toList())).toList(),
                content.signatories().stream().map(s -> new StoredSignatory(s.name(), s.role(), s.signedOn()))
                        .toList());
        try {
            return MAPPER.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write pledge content as JSON", e);
        }
    }

    static PledgeContent read(String json) {
        StoredContent stored;
        try {
            stored = MAPPER.readValue(json, StoredContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored pledge content is not readable JSON", e);
        }
        if (stored.format() > FORMAT) {
            throw new IllegalStateException("Stored pledge content has format " + stored.format()
                    + ", newer than this bundle's " + FORMAT);
        }
        return new PledgeContent(stored.title(),
                stored.audience() == null ? null : Audience.fromKey(stored.audience()).orElse(null),
                stored.introduction(), stored.easyReadIntroduction(),
                orEmpty(stored.principles()).stream().map(p -> new Principle(p.key(), p.title(), p.promise(),
                        p.easyReadPromise(), p.imageUrl(), p.imageAlt(),
                        orEmpty(p.commitments()).stream()
                                .map(c -> new Commitment(c.key(), c.text(), c.easyReadText())).toList()))
                        .toList(),
                orEmpty(stored.signatories()).stream()
                        .map(s -> new Signatory(s.name(), s.role(), s.signedOn())).toList());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
