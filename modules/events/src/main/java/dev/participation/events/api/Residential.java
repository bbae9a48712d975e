package dev.participation.events.api;

import java.util.Objects;

/**
 * What a residential event adds for each young person staying away from home: who to call in an
 * emergency, medical notes the staff looking after them need, and whether photos of them may be
 * taken. Kept only until shortly after the event (see the retention rule), sooner than the rest of
 * a booking.
 *
 * @param emergencyName  the adult to call, by name
 * @param emergencyPhone their phone number
 * @param medicalNotes   conditions, medicines, allergies; may be empty
 * @param photos         whether photos with them in may be taken and used
 */
public record Residential(String emergencyName, String emergencyPhone, String medicalNotes, boolean photos) {

    public Residential {
        Objects.requireNonNull(emergencyName, "emergencyName");
        Objects.requireNonNull(emergencyPhone, "emergencyPhone");
        Objects.requireNonNull(medicalNotes, "medicalNotes");
    }
}
