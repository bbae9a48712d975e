package dev.participation.pledge.api;

import java.util.List;
import java.util.Optional;

/**
 * Everything an editor writes for one pledge or charter: what a draft holds and what each
 * published version freezes. Text fields are plain paragraphs with {@code [links](https://...)}.
 *
 * @param title                 e.g. "Our participation pledge"
 * @param audience              who it speaks to
 * @param introduction          why it exists and what it covers
 * @param easyReadIntroduction  the same in easy-read wording, or empty
 * @param principles            in the order they are shown
 * @param signatories           in the order they are shown; may be empty
 */
public record PledgeContent(String title, Audience audience, String introduction, String easyReadIntroduction,
        List<Principle> principles, List<Signatory> signatories) {

    public PledgeContent {
        title = title == null ? "" : title;
        introduction = introduction == null ? "" : introduction;
        easyReadIntroduction = easyReadIntroduction == null ? "" : easyReadIntroduction;
        principles = List.copyOf(principles);
        signatories = List.copyOf(signatories);
    }

    public Optional<Principle> principle(String key) {
        return principles.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** Whether any principle, commitment or the introduction has easy-read wording. */
    public boolean hasEasyRead() {
        return !easyReadIntroduction.isBlank() || principles.stream().anyMatch(p -> !p.easyReadPromise().isBlank()
                || p.commitments().stream().anyMatch(c -> !c.easyReadText().isBlank()));
    }
}
