package dev.participation.sketch;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The noticeboard's notices: what the public view, the staff page and the JSON read and change. */
@ProviderType
public interface Notices {

    /** The notices still shown on {@code today} (no end, or ending today or later), newest first. */
    List<Notice> current(LocalDate today, int limit);

    /** Every notice, shown or not, newest first: what staff choose from. */
    List<Notice> all();

    Optional<Notice> find(long id);

    /**
     * @param actor the account id the audit log names
     * @throws IllegalArgumentException when {@link NoticeText#problems()} has any
     */
    Notice add(NoticeText text, String actor);

    /**
     * Saves new words, if the notice is still at {@code revision}.
     *
     * @throws Changed                          when someone saved it since; nothing was changed
     * @throws java.util.NoSuchElementException when there is no such notice
     */
    Notice change(long id, int revision, NoticeText text, String actor);

    /** Someone else saved the notice after the form was drawn: {@link #now()} is what they saved. */
    final class Changed extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient Notice now;

        public Changed(Notice now) {
            super("notice " + now.id() + " is at revision " + now.revision(), null, false, false);
            this.now = now;
        }

        public Notice now() {
            return now;
        }
    }
}
