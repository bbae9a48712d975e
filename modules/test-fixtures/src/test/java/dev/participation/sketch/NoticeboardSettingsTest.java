package dev.participation.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.participation.api.widget.Message;

import org.junit.jupiter.api.Test;

class NoticeboardSettingsTest {

    /** The host refuses the editor's count with this message, from the widget's declaration alone. */
    @Test
    void theCountIsRefusedOutsideItsLimits() {
        assertThat(NoticeboardWidget.TYPE.validate(Map.of(NoticeboardWidget.COUNT, "50")).errors())
                .containsExactly(Map.entry(NoticeboardWidget.COUNT, Message.of("preference.error.range", 1, 20)));
        assertThat(NoticeboardWidget.TYPE.validate(Map.of(NoticeboardWidget.COUNT, "20")).errors()).isEmpty();
    }
}
