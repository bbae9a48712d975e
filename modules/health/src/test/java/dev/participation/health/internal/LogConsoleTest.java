package dev.participation.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;

class LogConsoleTest {

    @Test
    void errorsReachTheConsoleWithTheirCauseButDebugDoesNot() {
        LogReaderService reader = mock(LogReaderService.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LogConsole console = new LogConsole(reader, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        verify(reader).addLogListener(console);

        console.logged(entry(LogLevel.ERROR, "The activate method has thrown an exception",
                new IllegalStateException("no Language.properties")));
        console.logged(entry(LogLevel.DEBUG, "Activating component", null));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("[ERROR] participation-host").contains("activate method has thrown")
                .contains("no Language.properties").doesNotContain("Activating component");
    }

    private static LogEntry entry(LogLevel level, String message, Throwable e) {
        LogEntry entry = mock(LogEntry.class);
        Bundle bundle = mock(Bundle.class);
        when(bundle.getSymbolicName()).thenReturn("participation-host");
        when(entry.getBundle()).thenReturn(bundle);
        when(entry.getLogLevel()).thenReturn(level);
        when(entry.getLoggerName()).thenReturn("org.apache.felix.scr");
        when(entry.getMessage()).thenReturn(message);
        when(entry.getException()).thenReturn(e);
        return entry;
    }
}
